CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "DepartmentId" INTEGER NULL,
    "LastSignInAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditChainHeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY,
    "LastSequence" INTEGER NOT NULL,
    "LastHash" TEXT NOT NULL
);

CREATE TABLE "AuditEvents" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY,
    "OccurredAt" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ObjectType" TEXT NULL,
    "ObjectId" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "HasPublicContact" INTEGER NOT NULL
);

CREATE TABLE "Partners" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Partners" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Roles" INTEGER NOT NULL,
    "Forms" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerWorkProcesses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerWorkProcesses" PRIMARY KEY AUTOINCREMENT,
    "PartnerId" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_PartnerWorkProcesses_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEvents_ActorId" ON "AuditEvents" ("ActorId");

CREATE INDEX "IX_AuditEvents_ObjectType_ObjectId" ON "AuditEvents" ("ObjectType", "ObjectId");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE UNIQUE INDEX "IX_Departments_Name" ON "Departments" ("Name");

CREATE UNIQUE INDEX "IX_Partners_Name" ON "Partners" ("Name");

CREATE INDEX "IX_PartnerWorkProcesses_PartnerId" ON "PartnerWorkProcesses" ("PartnerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128220211_Foundation', '10.0.15');

CREATE TABLE "CaseTableMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseTableMeetings" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "ScheduledAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "IdempotencyRecords" (
    "UserId" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserId", "KeyHash")
);

CREATE TABLE "Indicators" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY,
    "Form" INTEGER NOT NULL,
    "TextNl" TEXT NOT NULL,
    "TextEn" TEXT NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "PartnerRoutes" (
    "PartnerId" INTEGER NOT NULL,
    "Route" INTEGER NOT NULL,
    "IsDefault" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnerRoutes" PRIMARY KEY ("PartnerId", "Route"),
    CONSTRAINT "FK_PartnerRoutes_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignalReferenceCounters" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_SignalReferenceCounters" PRIMARY KEY,
    "Last" INTEGER NOT NULL
);

CREATE TABLE "Signals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Signals" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "SubmittedById" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "LastChangedAt" TEXT NOT NULL,
    "FirstAnalysisAt" TEXT NULL,
    "OnAgendaAt" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "ForwardedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "AcuteDanger" INTEGER NOT NULL,
    "LocationType" INTEGER NOT NULL,
    "Forms" INTEGER NOT NULL,
    "IndicatorCodes" TEXT NOT NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "Urgency" INTEGER NOT NULL,
    "ClassifiedForms" INTEGER NOT NULL,
    "ConfirmedIndicatorCodes" TEXT NOT NULL,
    "ClosureCode" TEXT NULL,
    "Feedback" INTEGER NULL,
    "FeedbackAt" TEXT NULL,
    "Version" TEXT NOT NULL,
    "Description" TEXT NULL,
    "ObservedOn" TEXT NULL,
    "LocationDetail" TEXT NULL,
    "LocationOther" TEXT NULL,
    "SourceDetail" TEXT NULL,
    "AnalysisNotes" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "DeletionReceipt_PurgedAt" TEXT NULL,
    "DeletionReceipt_Rule" TEXT NULL,
    "DeletionReceipt_People" INTEGER NULL,
    "DeletionReceipt_TextFields" INTEGER NULL,
    "DeletionReceipt_Assessments" INTEGER NULL,
    "DeletionReceipt_BalancingRecords" INTEGER NULL,
    "DeletionReceipt_RouteReasons" INTEGER NULL
);

CREATE TABLE "MeetingAttendee" (
    "MeetingId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_MeetingAttendee" PRIMARY KEY ("MeetingId", "UserId"),
    CONSTRAINT "FK_MeetingAttendee_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgendaItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Assessment" TEXT NULL,
    CONSTRAINT "FK_AgendaItems_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaItems_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BalancingOfInterests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BalancingOfInterests" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "WeighedBy" TEXT NULL,
    "Purpose" TEXT NULL,
    "Necessity" TEXT NULL,
    "Proportionality" TEXT NULL,
    "Subsidiarity" TEXT NULL,
    "SharingJustified" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    CONSTRAINT "FK_BalancingOfInterests_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DecisionRoutes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionRoutes" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "MeetingId" TEXT NULL,
    "Route" INTEGER NOT NULL,
    "PartnerIds" TEXT NOT NULL,
    "IndividualCaseMeetingRequested" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "DecidedAt" TEXT NOT NULL,
    "ForwardedAt" TEXT NULL,
    "Channel" INTEGER NULL,
    "ForwardedToPartnerId" INTEGER NULL,
    "ForwardedById" TEXT NULL,
    CONSTRAINT "FK_DecisionRoutes_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignalPeople" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignalPeople" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "NameOrDescription" TEXT NULL,
    "Age" TEXT NULL,
    "Minor" INTEGER NOT NULL,
    "Nationality" TEXT NULL,
    "Language" TEXT NULL,
    "ContactDetails" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalPeople_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignalStatusChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignalStatusChanges" PRIMARY KEY AUTOINCREMENT,
    "SignalId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "From" INTEGER NOT NULL,
    "To" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalStatusChanges_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AgendaItems_MeetingId_SignalId" ON "AgendaItems" ("MeetingId", "SignalId");

CREATE INDEX "IX_AgendaItems_SignalId" ON "AgendaItems" ("SignalId");

CREATE INDEX "IX_BalancingOfInterests_SignalId" ON "BalancingOfInterests" ("SignalId");

CREATE INDEX "IX_CaseTableMeetings_ScheduledAt" ON "CaseTableMeetings" ("ScheduledAt");

CREATE INDEX "IX_DecisionRoutes_SignalId" ON "DecisionRoutes" ("SignalId");

CREATE INDEX "IX_MeetingAttendee_UserId" ON "MeetingAttendee" ("UserId");

CREATE INDEX "IX_SignalPeople_SignalId" ON "SignalPeople" ("SignalId");

CREATE UNIQUE INDEX "IX_Signals_Reference" ON "Signals" ("Reference");

CREATE INDEX "IX_Signals_Status_ReceivedAt" ON "Signals" ("Status", "ReceivedAt");

CREATE INDEX "IX_Signals_SubmittedById_LastChangedAt" ON "Signals" ("SubmittedById", "LastChangedAt");

CREATE INDEX "IX_SignalStatusChanges_SignalId" ON "SignalStatusChanges" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128222809_ReportingProcedure', '10.0.15');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128232748_EncryptPersonalData', '10.0.15');

CREATE TABLE "JobRuns" (
    "Job" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Job", "Day")
);

CREATE TABLE "LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "PlacedById" TEXT NOT NULL,
    "PlacedAt" TEXT NOT NULL,
    "LiftedAt" TEXT NULL,
    "LiftedById" TEXT NULL,
    CONSTRAINT "FK_LegalHolds_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LegalHolds_SignalId" ON "LegalHolds" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128234013_Retention', '10.0.15');

CREATE TABLE "ef_temp_SignalStatusChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignalStatusChanges" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "From" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "To" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalStatusChanges_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_SignalStatusChanges" ("Id", "At", "From", "Kind", "SignalId", "To")
SELECT "Id", "At", "From", "Kind", "SignalId", "To"
FROM "SignalStatusChanges";

CREATE TABLE "ef_temp_Signals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Signals" PRIMARY KEY,
    "AcuteDanger" INTEGER NOT NULL,
    "AnalysisNotes" TEXT NULL,
    "ClassifiedForms" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosureCode" TEXT NULL,
    "ConfirmedIndicatorCodes" TEXT NOT NULL,
    "DecidedAt" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "DeletionReceipt_Assessments" INTEGER NULL,
    "DeletionReceipt_BalancingRecords" INTEGER NULL,
    "DeletionReceipt_People" INTEGER NULL,
    "DeletionReceipt_PurgedAt" INTEGER NULL,
    "DeletionReceipt_RouteReasons" INTEGER NULL,
    "DeletionReceipt_Rule" TEXT NULL,
    "DeletionReceipt_TextFields" INTEGER NULL,
    "DepartmentId" INTEGER NULL,
    "Description" TEXT NULL,
    "Feedback" INTEGER NULL,
    "FeedbackAt" INTEGER NULL,
    "FirstAnalysisAt" INTEGER NULL,
    "Forms" INTEGER NOT NULL,
    "ForwardedAt" INTEGER NULL,
    "IndicatorCodes" TEXT NOT NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "LastChangedAt" INTEGER NOT NULL,
    "LocationDetail" TEXT NULL,
    "LocationOther" TEXT NULL,
    "LocationType" INTEGER NOT NULL,
    "ObservedOn" TEXT NULL,
    "OnAgendaAt" INTEGER NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "Reference" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "SourceDetail" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedById" TEXT NOT NULL,
    "Urgency" INTEGER NOT NULL,
    "Version" TEXT NOT NULL
);

INSERT INTO "ef_temp_Signals" ("Id", "AcuteDanger", "AnalysisNotes", "ClassifiedForms", "ClosedAt", "ClosureCode", "ConfirmedIndicatorCodes", "DecidedAt", "DecisionReason", "DeletionReceipt_Assessments", "DeletionReceipt_BalancingRecords", "DeletionReceipt_People", "DeletionReceipt_PurgedAt", "DeletionReceipt_RouteReasons", "DeletionReceipt_Rule", "DeletionReceipt_TextFields", "DepartmentId", "Description", "Feedback", "FeedbackAt", "FirstAnalysisAt", "Forms", "ForwardedAt", "IndicatorCodes", "InvolvesMinor", "LastChangedAt", "LocationDetail", "LocationOther", "LocationType", "ObservedOn", "OnAgendaAt", "ReceivedAt", "Reference", "Source", "SourceDetail", "Status", "SubmittedById", "Urgency", "Version")
SELECT "Id", "AcuteDanger", "AnalysisNotes", "ClassifiedForms", "ClosedAt", "ClosureCode", "ConfirmedIndicatorCodes", "DecidedAt", "DecisionReason", "DeletionReceipt_Assessments", "DeletionReceipt_BalancingRecords", "DeletionReceipt_People", "DeletionReceipt_PurgedAt", "DeletionReceipt_RouteReasons", "DeletionReceipt_Rule", "DeletionReceipt_TextFields", "DepartmentId", "Description", "Feedback", "FeedbackAt", "FirstAnalysisAt", "Forms", "ForwardedAt", "IndicatorCodes", "InvolvesMinor", "LastChangedAt", "LocationDetail", "LocationOther", "LocationType", "ObservedOn", "OnAgendaAt", "ReceivedAt", "Reference", "Source", "SourceDetail", "Status", "SubmittedById", "Urgency", "Version"
FROM "Signals";

CREATE TABLE "ef_temp_LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "LiftedAt" INTEGER NULL,
    "LiftedById" TEXT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "PlacedById" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "SignalId" TEXT NOT NULL,
    CONSTRAINT "FK_LegalHolds_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_LegalHolds" ("Id", "LiftedAt", "LiftedById", "PlacedAt", "PlacedById", "Reason", "SignalId")
SELECT "Id", "LiftedAt", "LiftedById", "PlacedAt", "PlacedById", "Reason", "SignalId"
FROM "LegalHolds";

CREATE TABLE "ef_temp_JobRuns" (
    "Job" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Job", "Day")
);

INSERT INTO "ef_temp_JobRuns" ("Job", "Day", "StartedAt")
SELECT "Job", "Day", "StartedAt"
FROM "JobRuns";

CREATE TABLE "ef_temp_IdempotencyRecords" (
    "UserId" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserId", "KeyHash")
);

INSERT INTO "ef_temp_IdempotencyRecords" ("UserId", "KeyHash", "CreatedAt", "SignalId")
SELECT "UserId", "KeyHash", "CreatedAt", "SignalId"
FROM "IdempotencyRecords";

CREATE TABLE "ef_temp_DecisionRoutes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionRoutes" PRIMARY KEY,
    "Channel" INTEGER NULL,
    "DecidedAt" INTEGER NOT NULL,
    "ForwardedAt" INTEGER NULL,
    "ForwardedById" TEXT NULL,
    "ForwardedToPartnerId" INTEGER NULL,
    "IndividualCaseMeetingRequested" INTEGER NOT NULL,
    "MeetingId" TEXT NULL,
    "PartnerIds" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Route" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    CONSTRAINT "FK_DecisionRoutes_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DecisionRoutes" ("Id", "Channel", "DecidedAt", "ForwardedAt", "ForwardedById", "ForwardedToPartnerId", "IndividualCaseMeetingRequested", "MeetingId", "PartnerIds", "Reason", "Route", "SignalId")
SELECT "Id", "Channel", "DecidedAt", "ForwardedAt", "ForwardedById", "ForwardedToPartnerId", "IndividualCaseMeetingRequested", "MeetingId", "PartnerIds", "Reason", "Route", "SignalId"
FROM "DecisionRoutes";

CREATE TABLE "ef_temp_CaseTableMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseTableMeetings" PRIMARY KEY,
    "ClosedAt" INTEGER NULL,
    "CreatedById" TEXT NOT NULL,
    "ScheduledAt" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

INSERT INTO "ef_temp_CaseTableMeetings" ("Id", "ClosedAt", "CreatedById", "ScheduledAt", "Title", "Version")
SELECT "Id", "ClosedAt", "CreatedById", "ScheduledAt", "Title", "Version"
FROM "CaseTableMeetings";

CREATE TABLE "ef_temp_BalancingOfInterests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BalancingOfInterests" PRIMARY KEY,
    "Necessity" TEXT NULL,
    "Outcome" TEXT NULL,
    "Proportionality" TEXT NULL,
    "Purpose" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "SharingJustified" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "Subsidiarity" TEXT NULL,
    "WeighedBy" TEXT NULL,
    CONSTRAINT "FK_BalancingOfInterests_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_BalancingOfInterests" ("Id", "Necessity", "Outcome", "Proportionality", "Purpose", "RecordedAt", "RecordedById", "SharingJustified", "SignalId", "Subsidiarity", "WeighedBy")
SELECT "Id", "Necessity", "Outcome", "Proportionality", "Purpose", "RecordedAt", "RecordedById", "SharingJustified", "SignalId", "Subsidiarity", "WeighedBy"
FROM "BalancingOfInterests";

CREATE TABLE "ef_temp_AuditEvents" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "Hash" TEXT NOT NULL,
    "ObjectId" TEXT NULL,
    "ObjectType" TEXT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Purpose" TEXT NULL
);

INSERT INTO "ef_temp_AuditEvents" ("Sequence", "Action", "ActorId", "ActorRole", "ClientAddress", "CorrelationId", "Hash", "ObjectId", "ObjectType", "OccurredAt", "Outcome", "PreviousHash", "Purpose")
SELECT "Sequence", "Action", "ActorId", "ActorRole", "ClientAddress", "CorrelationId", "Hash", "ObjectId", "ObjectType", "OccurredAt", "Outcome", "PreviousHash", "Purpose"
FROM "AuditEvents";

CREATE TABLE "ef_temp_AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "AccessFailedCount" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "DepartmentId" INTEGER NULL,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "LastSignInAt" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "NormalizedEmail" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "PasswordHash" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "SecurityStamp" TEXT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "UserName" TEXT NULL
);

INSERT INTO "ef_temp_AspNetUsers" ("Id", "AccessFailedCount", "ConcurrencyStamp", "DepartmentId", "DisplayName", "Email", "EmailConfirmed", "LastSignInAt", "LockoutEnabled", "LockoutEnd", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UserName")
SELECT "Id", "AccessFailedCount", "ConcurrencyStamp", "DepartmentId", "DisplayName", "Email", "EmailConfirmed", "LastSignInAt", "LockoutEnabled", "LockoutEnd", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UserName"
FROM "AspNetUsers";

PRAGMA foreign_keys = 0;

DROP TABLE "SignalStatusChanges";

ALTER TABLE "ef_temp_SignalStatusChanges" RENAME TO "SignalStatusChanges";

DROP TABLE "Signals";

ALTER TABLE "ef_temp_Signals" RENAME TO "Signals";

DROP TABLE "LegalHolds";

ALTER TABLE "ef_temp_LegalHolds" RENAME TO "LegalHolds";

DROP TABLE "JobRuns";

ALTER TABLE "ef_temp_JobRuns" RENAME TO "JobRuns";

DROP TABLE "IdempotencyRecords";

ALTER TABLE "ef_temp_IdempotencyRecords" RENAME TO "IdempotencyRecords";

DROP TABLE "DecisionRoutes";

ALTER TABLE "ef_temp_DecisionRoutes" RENAME TO "DecisionRoutes";

DROP TABLE "CaseTableMeetings";

ALTER TABLE "ef_temp_CaseTableMeetings" RENAME TO "CaseTableMeetings";

DROP TABLE "BalancingOfInterests";

ALTER TABLE "ef_temp_BalancingOfInterests" RENAME TO "BalancingOfInterests";

DROP TABLE "AuditEvents";

ALTER TABLE "ef_temp_AuditEvents" RENAME TO "AuditEvents";

DROP TABLE "AspNetUsers";

ALTER TABLE "ef_temp_AspNetUsers" RENAME TO "AspNetUsers";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_SignalStatusChanges_SignalId" ON "SignalStatusChanges" ("SignalId");

CREATE UNIQUE INDEX "IX_Signals_Reference" ON "Signals" ("Reference");

CREATE INDEX "IX_Signals_Status_ReceivedAt" ON "Signals" ("Status", "ReceivedAt");

CREATE INDEX "IX_Signals_SubmittedById_LastChangedAt" ON "Signals" ("SubmittedById", "LastChangedAt");

CREATE INDEX "IX_LegalHolds_SignalId" ON "LegalHolds" ("SignalId");

CREATE INDEX "IX_DecisionRoutes_SignalId" ON "DecisionRoutes" ("SignalId");

CREATE INDEX "IX_CaseTableMeetings_ScheduledAt" ON "CaseTableMeetings" ("ScheduledAt");

CREATE INDEX "IX_BalancingOfInterests_SignalId" ON "BalancingOfInterests" ("SignalId");

CREATE INDEX "IX_AuditEvents_ActorId" ON "AuditEvents" ("ActorId");

CREATE INDEX "IX_AuditEvents_ObjectType_ObjectId" ON "AuditEvents" ("ObjectType", "ObjectId");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129000018_SqliteSortableInstants', '10.0.15');

ALTER TABLE "LegalHolds" ADD "VictimDossierId" TEXT NULL;

CREATE TABLE "VictimDossiers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VictimDossiers" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosureReason" INTEGER NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "ReflectionPeriodStart" TEXT NULL,
    "ReflectionPeriodEnd" TEXT NULL,
    "Version" TEXT NOT NULL,
    "ClosureNote" TEXT NULL,
    "DeletionReceipt_PurgedAt" INTEGER NULL,
    "DeletionReceipt_Rule" TEXT NULL,
    "DeletionReceipt_Victims" INTEGER NULL,
    "DeletionReceipt_Notes" INTEGER NULL,
    "DeletionReceipt_Consents" INTEGER NULL,
    "DeletionReceipt_Partners" INTEGER NULL,
    "DeletionReceipt_Grants" INTEGER NULL,
    CONSTRAINT "FK_VictimDossiers_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DossierAccessGrants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierAccessGrants" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "PartnerId" INTEGER NULL,
    "Purpose" TEXT NULL,
    "EndsOn" TEXT NOT NULL,
    "GrantedById" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_DossierAccessGrants_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierConsents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierConsents" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    "Given" INTEGER NOT NULL,
    "RecordedOn" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    CONSTRAINT "FK_DossierConsents_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierNotes" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Text" TEXT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DossierNotes_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierPartners" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierPartners" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "PartnerId" INTEGER NOT NULL,
    "Involvement" TEXT NULL,
    "Since" TEXT NOT NULL,
    CONSTRAINT "FK_DossierPartners_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierPartners_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DossierVictim" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierVictim" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "NameOrDescription" TEXT NULL,
    "Age" TEXT NULL,
    "Minor" INTEGER NOT NULL,
    "Nationality" TEXT NULL,
    "Language" TEXT NULL,
    "ContactDetails" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_DossierVictim_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LegalHolds_VictimDossierId" ON "LegalHolds" ("VictimDossierId");

CREATE INDEX "IX_DossierAccessGrants_DossierId" ON "DossierAccessGrants" ("DossierId");

CREATE INDEX "IX_DossierAccessGrants_UserId_DossierId" ON "DossierAccessGrants" ("UserId", "DossierId");

CREATE INDEX "IX_DossierConsents_DossierId" ON "DossierConsents" ("DossierId");

CREATE INDEX "IX_DossierNotes_DossierId" ON "DossierNotes" ("DossierId");

CREATE INDEX "IX_DossierPartners_DossierId" ON "DossierPartners" ("DossierId");

CREATE INDEX "IX_DossierPartners_PartnerId" ON "DossierPartners" ("PartnerId");

CREATE INDEX "IX_DossierVictim_DossierId" ON "DossierVictim" ("DossierId");

CREATE INDEX "IX_VictimDossiers_ClosedAt_OpenedAt" ON "VictimDossiers" ("ClosedAt", "OpenedAt");

CREATE UNIQUE INDEX "IX_VictimDossiers_Reference" ON "VictimDossiers" ("Reference");

CREATE UNIQUE INDEX "IX_VictimDossiers_SignalId" ON "VictimDossiers" ("SignalId");

CREATE TABLE "ef_temp_LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "LiftedAt" INTEGER NULL,
    "LiftedById" TEXT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "PlacedById" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "SignalId" TEXT NULL,
    "VictimDossierId" TEXT NULL,
    CONSTRAINT "CK_LegalHolds_OneItem" CHECK (("SignalId" IS NULL) <> ("VictimDossierId" IS NULL)),
    CONSTRAINT "FK_LegalHolds_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LegalHolds_VictimDossiers_VictimDossierId" FOREIGN KEY ("VictimDossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_LegalHolds" ("Id", "LiftedAt", "LiftedById", "PlacedAt", "PlacedById", "Reason", "SignalId", "VictimDossierId")
SELECT "Id", "LiftedAt", "LiftedById", "PlacedAt", "PlacedById", "Reason", "SignalId", "VictimDossierId"
FROM "LegalHolds";

PRAGMA foreign_keys = 0;

DROP TABLE "LegalHolds";

ALTER TABLE "ef_temp_LegalHolds" RENAME TO "LegalHolds";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_LegalHolds_SignalId" ON "LegalHolds" ("SignalId");

CREATE INDEX "IX_LegalHolds_VictimDossierId" ON "LegalHolds" ("VictimDossierId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129033631_VictimDossier', '10.0.15');

ALTER TABLE "AuditChainHeads" ADD "CheckpointHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';

ALTER TABLE "AuditChainHeads" ADD "CheckpointSequence" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129035012_AuditCheckpoint', '10.0.15');

ALTER TABLE "SignalPeople" ADD "SubjectHash" TEXT NULL;

ALTER TABLE "DossierVictim" ADD "SubjectHash" TEXT NULL;

CREATE TABLE "ProcessingActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessingActivities" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "LegalGround" TEXT NOT NULL,
    "DataCategories" TEXT NOT NULL,
    "DataSubjects" TEXT NOT NULL,
    "Recipients" TEXT NOT NULL,
    "Retention" TEXT NOT NULL,
    "Safeguards" TEXT NOT NULL,
    "EnforcedBy" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE INDEX "IX_SignalPeople_SubjectHash" ON "SignalPeople" ("SubjectHash");

CREATE INDEX "IX_DossierVictim_SubjectHash" ON "DossierVictim" ("SubjectHash");

CREATE UNIQUE INDEX "IX_ProcessingActivities_Code" ON "ProcessingActivities" ("Code");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129035828_ProcessingRegisterAndSubjectIndex', '10.0.15');

ALTER TABLE "AspNetUsers" ADD "MustChangePassword" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129040942_MustChangePassword', '10.0.15');

CREATE TABLE "AccessReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessReviews" PRIMARY KEY AUTOINCREMENT,
    "CompletedAt" INTEGER NOT NULL,
    "CompletedById" TEXT NOT NULL,
    "Accounts" INTEGER NOT NULL,
    "Note" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129041525_AccessReview', '10.0.15');

ALTER TABLE "Signals" ADD "CaseTableWorkingDays" INTEGER NULL;

ALTER TABLE "Signals" ADD "FirstAnalysisWorkingDays" INTEGER NULL;

ALTER TABLE "Signals" ADD "ForwardedWorkingDays" INTEGER NULL;

ALTER TABLE "Signals" ADD "ReceivedMonth" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Partners" ADD "UpdatedAt" INTEGER NULL;

ALTER TABLE "Partners" ADD "UpdatedById" TEXT NULL;

ALTER TABLE "Partners" ADD "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

ALTER TABLE "Departments" ADD "PublicContactEmployees" INTEGER NULL;

ALTER TABLE "Departments" ADD "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

CREATE TABLE "AgendaActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaActivities" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Goals" INTEGER NOT NULL,
    "Forms" INTEGER NOT NULL,
    "OwnerDepartment" TEXT NULL,
    "Partners" TEXT NULL,
    "Level" INTEGER NOT NULL,
    "BuildingBlocks" TEXT NULL,
    "PlannedStart" TEXT NULL,
    "PlannedEnd" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "BuildingBlocks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BuildingBlocks" PRIMARY KEY AUTOINCREMENT,
    "Theme" TEXT NOT NULL,
    "Plateau" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Source" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Status" INTEGER NULL,
    "Explanation" TEXT NULL,
    "LacksNationalFunding" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "ContextFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContextFigures" PRIMARY KEY AUTOINCREMENT,
    "Source" TEXT NOT NULL,
    "Area" TEXT NOT NULL,
    "Year" INTEGER NULL,
    "Form" TEXT NOT NULL,
    "Measure" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Note" TEXT NULL
);

CREATE TABLE "PartnerChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerChanges" PRIMARY KEY AUTOINCREMENT,
    "PartnerId" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NULL,
    "ChangedByName" TEXT NULL,
    "Fields" TEXT NOT NULL,
    CONSTRAINT "FK_PartnerChanges_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerContacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerContacts" PRIMARY KEY AUTOINCREMENT,
    "PartnerId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Function" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Availability" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_PartnerContacts_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrainingSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingSessions" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Provider" TEXT NULL,
    "Audience" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NULL
);

CREATE TABLE "AgendaProgressNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaProgressNotes" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedByName" TEXT NULL,
    "Text" TEXT NOT NULL,
    "EvidenceUrl" TEXT NULL,
    CONSTRAINT "FK_AgendaProgressNotes_AgendaActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "AgendaActivities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BuildingBlockActivities" (
    "BuildingBlockId" INTEGER NOT NULL,
    "ActivityId" INTEGER NOT NULL,
    CONSTRAINT "PK_BuildingBlockActivities" PRIMARY KEY ("BuildingBlockId", "ActivityId"),
    CONSTRAINT "FK_BuildingBlockActivities_AgendaActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "AgendaActivities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BuildingBlockActivities_BuildingBlocks_BuildingBlockId" FOREIGN KEY ("BuildingBlockId") REFERENCES "BuildingBlocks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrainingAttendance" (
    "SessionId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "Participants" INTEGER NOT NULL,
    CONSTRAINT "PK_TrainingAttendance" PRIMARY KEY ("SessionId", "DepartmentId"),
    CONSTRAINT "FK_TrainingAttendance_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TrainingAttendance_TrainingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "TrainingSessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor" ON "Signals" ("ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor");

CREATE INDEX "IX_AgendaActivities_Status_PlannedEnd" ON "AgendaActivities" ("Status", "PlannedEnd");

CREATE INDEX "IX_AgendaProgressNotes_ActivityId" ON "AgendaProgressNotes" ("ActivityId");

CREATE INDEX "IX_BuildingBlockActivities_ActivityId" ON "BuildingBlockActivities" ("ActivityId");

CREATE UNIQUE INDEX "IX_BuildingBlocks_Name" ON "BuildingBlocks" ("Name");

CREATE INDEX "IX_PartnerChanges_PartnerId_ChangedAt" ON "PartnerChanges" ("PartnerId", "ChangedAt");

CREATE INDEX "IX_PartnerContacts_PartnerId" ON "PartnerContacts" ("PartnerId");

CREATE INDEX "IX_TrainingAttendance_DepartmentId" ON "TrainingAttendance" ("DepartmentId");

CREATE INDEX "IX_TrainingSessions_Date" ON "TrainingSessions" ("Date");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129053838_PolicyAndFigures', '10.0.15');

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "InstallationSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_InstallationSecrets" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129084854_SharedKeyRing', '10.0.15');

ALTER TABLE "Signals" ADD "DeletionReceipt_Attachments" INTEGER NULL;

UPDATE "Signals" SET "DeletionReceipt_Attachments" = 0 WHERE "DeletionReceipt_Rule" IS NOT NULL;

CREATE TABLE "OutboxMails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMails" PRIMARY KEY,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "ClaimedUntil" INTEGER NULL
);

CREATE TABLE "SignalAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignalAttachments" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "FileName" TEXT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalAttachments_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutboxMails_NextAttemptAt" ON "OutboxMails" ("NextAttemptAt");

CREATE INDEX "IX_SignalAttachments_SignalId" ON "SignalAttachments" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129085922_MailInAndOut', '10.0.15');

CREATE TABLE "PendingAuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PendingAuditEvents" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ObjectType" TEXT NULL,
    "ObjectId" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "ClientAddress" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129112745_AuditLinkAfterCommit', '10.0.15');

DROP INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor";

DROP INDEX "IX_DecisionRoutes_SignalId";

CREATE INDEX "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays" ON "Signals" ("ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays");

CREATE INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id" ON "Signals" ("ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id");

CREATE INDEX "IX_DecisionRoutes_SignalId_Route_ForwardedToPartnerId" ON "DecisionRoutes" ("SignalId", "Route", "ForwardedToPartnerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129114217_FigureIndexes', '10.0.15');

