CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AccessReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessReviews" PRIMARY KEY AUTOINCREMENT,
    "CompletedAt" INTEGER NOT NULL,
    "CompletedById" TEXT NOT NULL,
    "Accounts" INTEGER NOT NULL,
    "Note" TEXT NULL
);

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
    "LastSignInAt" INTEGER NULL,
    "MustChangePassword" INTEGER NOT NULL,
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
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditChainHeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY,
    "LastSequence" INTEGER NOT NULL,
    "LastHash" TEXT NOT NULL,
    "CheckpointSequence" INTEGER NOT NULL,
    "CheckpointHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'
);

CREATE TABLE "AuditEvents" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY,
    "OccurredAt" INTEGER NOT NULL,
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

CREATE TABLE "CaseTableMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseTableMeetings" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "ScheduledAt" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL,
    "CreatedById" TEXT NOT NULL,
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

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "HasPublicContact" INTEGER NOT NULL,
    "PublicContactEmployees" INTEGER NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "IdempotencyRecords" (
    "UserId" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserId", "KeyHash")
);

CREATE TABLE "Indicators" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY,
    "Form" INTEGER NOT NULL,
    "TextNl" TEXT NOT NULL,
    "TextEn" TEXT NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "InstallationSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_InstallationSecrets" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "JobRuns" (
    "Job" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Job", "Day")
);

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

CREATE TABLE "Partners" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Partners" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Roles" INTEGER NOT NULL,
    "Forms" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL
);

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
    "ReceivedAt" INTEGER NOT NULL,
    "LastChangedAt" INTEGER NOT NULL,
    "FirstAnalysisAt" INTEGER NULL,
    "OnAgendaAt" INTEGER NULL,
    "DecidedAt" INTEGER NULL,
    "ForwardedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
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
    "FeedbackAt" INTEGER NULL,
    "Version" TEXT NOT NULL,
    "ReceivedMonth" INTEGER NOT NULL,
    "FirstAnalysisWorkingDays" INTEGER NULL,
    "CaseTableWorkingDays" INTEGER NULL,
    "ForwardedWorkingDays" INTEGER NULL,
    "Description" TEXT NULL,
    "ObservedOn" TEXT NULL,
    "LocationDetail" TEXT NULL,
    "LocationOther" TEXT NULL,
    "SourceDetail" TEXT NULL,
    "AnalysisNotes" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "DeletionReceipt_PurgedAt" INTEGER NULL,
    "DeletionReceipt_Rule" TEXT NULL,
    "DeletionReceipt_People" INTEGER NULL,
    "DeletionReceipt_TextFields" INTEGER NULL,
    "DeletionReceipt_Assessments" INTEGER NULL,
    "DeletionReceipt_BalancingRecords" INTEGER NULL,
    "DeletionReceipt_RouteReasons" INTEGER NULL,
    "DeletionReceipt_Attachments" INTEGER NULL
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

CREATE TABLE "BuildingBlockActivities" (
    "BuildingBlockId" INTEGER NOT NULL,
    "ActivityId" INTEGER NOT NULL,
    CONSTRAINT "PK_BuildingBlockActivities" PRIMARY KEY ("BuildingBlockId", "ActivityId"),
    CONSTRAINT "FK_BuildingBlockActivities_AgendaActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "AgendaActivities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BuildingBlockActivities_BuildingBlocks_BuildingBlockId" FOREIGN KEY ("BuildingBlockId") REFERENCES "BuildingBlocks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingAttendee" (
    "MeetingId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_MeetingAttendee" PRIMARY KEY ("MeetingId", "UserId"),
    CONSTRAINT "FK_MeetingAttendee_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE
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

CREATE TABLE "PartnerRoutes" (
    "PartnerId" INTEGER NOT NULL,
    "Route" INTEGER NOT NULL,
    "IsDefault" INTEGER NOT NULL,
    CONSTRAINT "PK_PartnerRoutes" PRIMARY KEY ("PartnerId", "Route"),
    CONSTRAINT "FK_PartnerRoutes_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerWorkProcesses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerWorkProcesses" PRIMARY KEY AUTOINCREMENT,
    "PartnerId" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_PartnerWorkProcesses_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE CASCADE
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
    "RecordedAt" INTEGER NOT NULL,
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
    "DecidedAt" INTEGER NOT NULL,
    "ForwardedAt" INTEGER NULL,
    "Channel" INTEGER NULL,
    "ForwardedToPartnerId" INTEGER NULL,
    "ForwardedById" TEXT NULL,
    CONSTRAINT "FK_DecisionRoutes_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
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
    "SubjectHash" TEXT NULL,
    CONSTRAINT "FK_SignalPeople_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignalStatusChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignalStatusChanges" PRIMARY KEY AUTOINCREMENT,
    "SignalId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "From" INTEGER NOT NULL,
    "To" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalStatusChanges_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

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

CREATE TABLE "TrainingAttendance" (
    "SessionId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "Participants" INTEGER NOT NULL,
    CONSTRAINT "PK_TrainingAttendance" PRIMARY KEY ("SessionId", "DepartmentId"),
    CONSTRAINT "FK_TrainingAttendance_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TrainingAttendance_TrainingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "TrainingSessions" ("Id") ON DELETE CASCADE
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
    "SubjectHash" TEXT NULL,
    CONSTRAINT "FK_DossierVictim_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "SignalId" TEXT NULL,
    "VictimDossierId" TEXT NULL,
    "Reason" TEXT NULL,
    "PlacedById" TEXT NOT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "LiftedAt" INTEGER NULL,
    "LiftedById" TEXT NULL,
    CONSTRAINT "CK_LegalHolds_OneItem" CHECK (("SignalId" IS NULL) <> ("VictimDossierId" IS NULL)),
    CONSTRAINT "FK_LegalHolds_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LegalHolds_VictimDossiers_VictimDossierId" FOREIGN KEY ("VictimDossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgendaActivities_Status_PlannedEnd" ON "AgendaActivities" ("Status", "PlannedEnd");

CREATE UNIQUE INDEX "IX_AgendaItems_MeetingId_SignalId" ON "AgendaItems" ("MeetingId", "SignalId");

CREATE INDEX "IX_AgendaItems_SignalId" ON "AgendaItems" ("SignalId");

CREATE INDEX "IX_AgendaProgressNotes_ActivityId" ON "AgendaProgressNotes" ("ActivityId");

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

CREATE INDEX "IX_BalancingOfInterests_SignalId" ON "BalancingOfInterests" ("SignalId");

CREATE INDEX "IX_BuildingBlockActivities_ActivityId" ON "BuildingBlockActivities" ("ActivityId");

CREATE UNIQUE INDEX "IX_BuildingBlocks_Name" ON "BuildingBlocks" ("Name");

CREATE INDEX "IX_CaseTableMeetings_ScheduledAt" ON "CaseTableMeetings" ("ScheduledAt");

CREATE INDEX "IX_DecisionRoutes_SignalId_Route_ForwardedToPartnerId" ON "DecisionRoutes" ("SignalId", "Route", "ForwardedToPartnerId");

CREATE UNIQUE INDEX "IX_Departments_Name" ON "Departments" ("Name");

CREATE INDEX "IX_DossierAccessGrants_DossierId" ON "DossierAccessGrants" ("DossierId");

CREATE INDEX "IX_DossierAccessGrants_UserId_DossierId" ON "DossierAccessGrants" ("UserId", "DossierId");

CREATE INDEX "IX_DossierConsents_DossierId" ON "DossierConsents" ("DossierId");

CREATE INDEX "IX_DossierNotes_DossierId" ON "DossierNotes" ("DossierId");

CREATE INDEX "IX_DossierPartners_DossierId" ON "DossierPartners" ("DossierId");

CREATE INDEX "IX_DossierPartners_PartnerId" ON "DossierPartners" ("PartnerId");

CREATE INDEX "IX_DossierVictim_DossierId" ON "DossierVictim" ("DossierId");

CREATE INDEX "IX_DossierVictim_SubjectHash" ON "DossierVictim" ("SubjectHash");

CREATE INDEX "IX_LegalHolds_SignalId" ON "LegalHolds" ("SignalId");

CREATE INDEX "IX_LegalHolds_VictimDossierId" ON "LegalHolds" ("VictimDossierId");

CREATE INDEX "IX_MeetingAttendee_UserId" ON "MeetingAttendee" ("UserId");

CREATE INDEX "IX_OutboxMails_NextAttemptAt" ON "OutboxMails" ("NextAttemptAt");

CREATE INDEX "IX_PartnerChanges_PartnerId_ChangedAt" ON "PartnerChanges" ("PartnerId", "ChangedAt");

CREATE INDEX "IX_PartnerContacts_PartnerId" ON "PartnerContacts" ("PartnerId");

CREATE UNIQUE INDEX "IX_Partners_Name" ON "Partners" ("Name");

CREATE INDEX "IX_PartnerWorkProcesses_PartnerId" ON "PartnerWorkProcesses" ("PartnerId");

CREATE UNIQUE INDEX "IX_ProcessingActivities_Code" ON "ProcessingActivities" ("Code");

CREATE INDEX "IX_SignalAttachments_SignalId" ON "SignalAttachments" ("SignalId");

CREATE INDEX "IX_SignalPeople_SignalId" ON "SignalPeople" ("SignalId");

CREATE INDEX "IX_SignalPeople_SubjectHash" ON "SignalPeople" ("SubjectHash");

CREATE INDEX "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays" ON "Signals" ("ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays");

CREATE INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id" ON "Signals" ("ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id");

CREATE UNIQUE INDEX "IX_Signals_Reference" ON "Signals" ("Reference");

CREATE INDEX "IX_Signals_Status_ReceivedAt" ON "Signals" ("Status", "ReceivedAt");

CREATE INDEX "IX_Signals_SubmittedById_LastChangedAt" ON "Signals" ("SubmittedById", "LastChangedAt");

CREATE INDEX "IX_SignalStatusChanges_SignalId" ON "SignalStatusChanges" ("SignalId");

CREATE INDEX "IX_TrainingAttendance_DepartmentId" ON "TrainingAttendance" ("DepartmentId");

CREATE INDEX "IX_TrainingSessions_Date" ON "TrainingSessions" ("Date");

CREATE INDEX "IX_VictimDossiers_ClosedAt_OpenedAt" ON "VictimDossiers" ("ClosedAt", "OpenedAt");

CREATE UNIQUE INDEX "IX_VictimDossiers_Reference" ON "VictimDossiers" ("Reference");

CREATE UNIQUE INDEX "IX_VictimDossiers_SignalId" ON "VictimDossiers" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206040224_Initial', '10.0.15');

ALTER TABLE "Signals" ADD "NoYouthCareReason" TEXT NULL;

ALTER TABLE "DecisionRoutes" ADD "BalancingId" TEXT NULL;

ALTER TABLE "DecisionRoutes" ADD "DataCategories" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "DecisionRoutes" ADD "HandoverSummary" TEXT NULL;

ALTER TABLE "DecisionRoutes" ADD "RecipientPartnerId" INTEGER NULL;

ALTER TABLE "BalancingOfInterests" ADD "Categories" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "BalancingOfInterests" ADD "RecipientPartnerId" INTEGER NULL;

ALTER TABLE "BalancingOfInterests" ADD "RouteId" TEXT NULL;

ALTER TABLE "BalancingOfInterests" ADD "WideningReason" TEXT NULL;

CREATE TABLE "HandoverLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HandoverLinks" PRIMARY KEY,
    "SignalId" TEXT NOT NULL,
    "RouteId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedById" TEXT NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "FirstOpenedAt" INTEGER NULL,
    "Openings" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "ReceivedByName" TEXT NULL,
    "ReceivedByOrganisation" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_HandoverLinks_DecisionRoutes_RouteId" FOREIGN KEY ("RouteId") REFERENCES "DecisionRoutes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_HandoverLinks_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_BalancingOfInterests_RouteId" ON "BalancingOfInterests" ("RouteId");

CREATE INDEX "IX_HandoverLinks_RouteId" ON "HandoverLinks" ("RouteId");

CREATE INDEX "IX_HandoverLinks_SignalId" ON "HandoverLinks" ("SignalId");

CREATE UNIQUE INDEX "IX_HandoverLinks_TokenHash" ON "HandoverLinks" ("TokenHash");

UPDATE "DecisionRoutes" SET "DataCategories" = CASE WHEN "Route" IN (0, 4) THEN 13 WHEN "Route" IN (1, 2, 3, 5) THEN 14 ELSE 0 END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206052209_HandoverPerRoute', '10.0.15');

ALTER TABLE "VictimDossiers" ADD "DataKeyId" TEXT NULL;

ALTER TABLE "Signals" ADD "DataKeyId" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206121123_PerOwnerDataKeys', '10.0.15');

ALTER TABLE "Partners" ADD "ArchivedAt" INTEGER NULL;

ALTER TABLE "PartnerChanges" ADD "After" TEXT NULL;

ALTER TABLE "PartnerChanges" ADD "Before" TEXT NULL;

CREATE TABLE "ReferenceChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReferenceChanges" PRIMARY KEY AUTOINCREMENT,
    "Subject" TEXT NOT NULL,
    "SubjectKey" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NULL,
    "ChangedByName" TEXT NULL,
    "Fields" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);

CREATE INDEX "IX_ReferenceChanges_Subject_SubjectKey_ChangedAt" ON "ReferenceChanges" ("Subject", "SubjectKey", "ChangedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206204706_ReferenceDataMaintenance', '10.0.15');

CREATE TABLE "BaselineCounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BaselineCounts" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Form" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "EnteredAt" INTEGER NOT NULL,
    "EnteredById" TEXT NULL,
    "EnteredByName" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_BaselineCounts_Year_Form_Source" ON "BaselineCounts" ("Year", "Form", "Source");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230632_BaselineCounts', '10.0.15');

ALTER TABLE "Signals" ADD "AssignedOfficerId" TEXT NULL;

CREATE INDEX "IX_Signals_AssignedOfficerId_Status" ON "Signals" ("AssignedOfficerId", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206230818_SignalAssignedOfficer', '10.0.15');

ALTER TABLE "IdempotencyRecords" ADD "BodyHash" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206235617_IdempotencyBodyHash', '10.0.15');

CREATE TABLE "IntakeDrafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntakeDrafts" PRIMARY KEY,
    "DataKeyId" TEXT NULL,
    "AuthorId" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Step" TEXT NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE INDEX "IX_IntakeDrafts_AuthorId_SavedAt" ON "IntakeDrafts" ("AuthorId", "SavedAt");

CREATE INDEX "IX_IntakeDrafts_SavedAt" ON "IntakeDrafts" ("SavedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206235839_IntakeDrafts', '10.0.15');

ALTER TABLE "MeetingAttendee" ADD "Attendance" INTEGER NULL;

ALTER TABLE "CaseTableMeetings" ADD "ChairId" TEXT NOT NULL DEFAULT '';

UPDATE "CaseTableMeetings" SET "ChairId" = "CreatedById";

CREATE TABLE "MeetingContributions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingContributions" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingContributions_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingContributions_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_MeetingContributions_MeetingId_SignalId_AuthorId" ON "MeetingContributions" ("MeetingId", "SignalId", "AuthorId");

CREATE INDEX "IX_MeetingContributions_SignalId" ON "MeetingContributions" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207023153_MeetingAttendanceAndContributions', '10.0.15');

ALTER TABLE "VictimDossiers" ADD "DeletionReceipt_Registrations" INTEGER NULL;

UPDATE "VictimDossiers" SET "DeletionReceipt_Registrations" = 0 WHERE "DeletionReceipt_Rule" IS NOT NULL;

CREATE TABLE "ComenshaRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ComenshaRegistrations" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "VictimId" TEXT NOT NULL,
    "RegisteredOn" TEXT NULL,
    "Consent" INTEGER NOT NULL,
    "ConsentOn" TEXT NULL,
    "ConsentBy" INTEGER NULL,
    "Forms" INTEGER NOT NULL,
    "Sector" INTEGER NOT NULL,
    "SignalledBy" INTEGER NOT NULL,
    "CountryOfOrigin" TEXT NULL,
    "Nationality" TEXT NULL,
    "AgeGroup" TEXT NULL,
    "Gender" TEXT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ComenshaRegistrations_DossierVictim_VictimId" FOREIGN KEY ("VictimId") REFERENCES "DossierVictim" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ComenshaRegistrations_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ComenshaRegistrations_DossierId" ON "ComenshaRegistrations" ("DossierId");

CREATE UNIQUE INDEX "IX_ComenshaRegistrations_VictimId" ON "ComenshaRegistrations" ("VictimId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207023936_ComenshaRegistrations', '10.0.15');

DROP INDEX "IX_VictimDossiers_ClosedAt_OpenedAt";

DROP INDEX "IX_Signals_Status_ReceivedAt";

DROP INDEX "IX_Signals_SubmittedById_LastChangedAt";

DROP INDEX "IX_CaseTableMeetings_ScheduledAt";

DROP INDEX "IX_AuditEvents_ActorId";

DROP INDEX "IX_AuditEvents_ObjectType_ObjectId";

ALTER TABLE "Signals" ADD "InboxRank" INTEGER NOT NULL DEFAULT 2;

UPDATE "Signals" SET "InboxRank" = CASE
    WHEN "Status" IN (4, 5, 6) THEN 3
    WHEN "AcuteDanger" OR "Urgency" = 2 THEN 0
    WHEN "Urgency" = 1 THEN 1
    ELSE 2 END;

CREATE INDEX "IX_VictimDossiers_ClosedAt_OpenedAt_Reference" ON "VictimDossiers" ("ClosedAt", "OpenedAt", "Reference");

CREATE INDEX "IX_VictimDossiers_OpenedAt_Reference" ON "VictimDossiers" ("OpenedAt", "Reference");

CREATE INDEX "IX_Signals_InboxRank_ReceivedAt_Reference" ON "Signals" ("InboxRank", "ReceivedAt", "Reference");

CREATE INDEX "IX_Signals_Status_ReceivedAt_Reference" ON "Signals" ("Status", "ReceivedAt", "Reference");

CREATE INDEX "IX_Signals_SubmittedById_LastChangedAt_Reference" ON "Signals" ("SubmittedById", "LastChangedAt", "Reference");

CREATE INDEX "IX_CaseTableMeetings_ScheduledAt_Id" ON "CaseTableMeetings" ("ScheduledAt", "Id");

CREATE INDEX "IX_AuditEvents_ActorId_Sequence" ON "AuditEvents" ("ActorId", "Sequence");

CREATE INDEX "IX_AuditEvents_ObjectId_Sequence" ON "AuditEvents" ("ObjectId", "Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207024138_KeysetPagination', '10.0.15');

