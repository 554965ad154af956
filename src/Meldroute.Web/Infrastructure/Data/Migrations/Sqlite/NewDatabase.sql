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

DROP INDEX "IX_ProcessingActivities_Code";

DROP INDEX "IX_Departments_Name";

DROP INDEX "IX_BuildingBlocks_Name";

DROP INDEX "IX_BaselineCounts_Year_Form_Source";

ALTER TABLE "VictimDossiers" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "TrainingSessions" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "TrainingAttendance" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "SignalStatusChanges" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Signals" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "SignalPeople" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "SignalAttachments" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "ReferenceChanges" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "ProcessingActivities" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "PendingAuditEvents" ADD "MunicipalityId" INTEGER NULL;

ALTER TABLE "OutboxMails" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "MeetingContributions" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "MeetingAttendee" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "LegalHolds" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "IntakeDrafts" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "IdempotencyRecords" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "HandoverLinks" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DossierVictim" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DossierPartners" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DossierNotes" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DossierConsents" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DossierAccessGrants" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Departments" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "DecisionRoutes" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "ContextFigures" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "ComenshaRegistrations" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "CaseTableMeetings" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "BuildingBlocks" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "BuildingBlockActivities" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "BaselineCounts" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "BalancingOfInterests" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AuditEvents" ADD "MunicipalityId" INTEGER NULL;

ALTER TABLE "AspNetUsers" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AgendaProgressNotes" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AgendaItems" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AgendaActivities" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AccessReviews" ADD "MunicipalityId" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "Municipalities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Municipalities" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Code" TEXT NULL,
    "Region" TEXT NULL
);

INSERT INTO "Municipalities" ("Name") VALUES ('');

UPDATE "AuditEvents" SET "MunicipalityId" = 1;

UPDATE "PendingAuditEvents" SET "MunicipalityId" = 1;

CREATE INDEX "IX_VictimDossiers_MunicipalityId" ON "VictimDossiers" ("MunicipalityId");

CREATE INDEX "IX_TrainingSessions_MunicipalityId" ON "TrainingSessions" ("MunicipalityId");

CREATE INDEX "IX_TrainingAttendance_MunicipalityId" ON "TrainingAttendance" ("MunicipalityId");

CREATE INDEX "IX_SignalStatusChanges_MunicipalityId" ON "SignalStatusChanges" ("MunicipalityId");

CREATE INDEX "IX_Signals_MunicipalityId" ON "Signals" ("MunicipalityId");

CREATE INDEX "IX_SignalPeople_MunicipalityId" ON "SignalPeople" ("MunicipalityId");

CREATE INDEX "IX_SignalAttachments_MunicipalityId" ON "SignalAttachments" ("MunicipalityId");

CREATE INDEX "IX_ReferenceChanges_MunicipalityId" ON "ReferenceChanges" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_ProcessingActivities_MunicipalityId_Code" ON "ProcessingActivities" ("MunicipalityId", "Code");

CREATE INDEX "IX_OutboxMails_MunicipalityId" ON "OutboxMails" ("MunicipalityId");

CREATE INDEX "IX_MeetingContributions_MunicipalityId" ON "MeetingContributions" ("MunicipalityId");

CREATE INDEX "IX_MeetingAttendee_MunicipalityId" ON "MeetingAttendee" ("MunicipalityId");

CREATE INDEX "IX_LegalHolds_MunicipalityId" ON "LegalHolds" ("MunicipalityId");

CREATE INDEX "IX_IntakeDrafts_MunicipalityId" ON "IntakeDrafts" ("MunicipalityId");

CREATE INDEX "IX_IdempotencyRecords_MunicipalityId" ON "IdempotencyRecords" ("MunicipalityId");

CREATE INDEX "IX_HandoverLinks_MunicipalityId" ON "HandoverLinks" ("MunicipalityId");

CREATE INDEX "IX_DossierVictim_MunicipalityId" ON "DossierVictim" ("MunicipalityId");

CREATE INDEX "IX_DossierPartners_MunicipalityId" ON "DossierPartners" ("MunicipalityId");

CREATE INDEX "IX_DossierNotes_MunicipalityId" ON "DossierNotes" ("MunicipalityId");

CREATE INDEX "IX_DossierConsents_MunicipalityId" ON "DossierConsents" ("MunicipalityId");

CREATE INDEX "IX_DossierAccessGrants_MunicipalityId" ON "DossierAccessGrants" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_Departments_MunicipalityId_Name" ON "Departments" ("MunicipalityId", "Name");

CREATE INDEX "IX_DecisionRoutes_MunicipalityId" ON "DecisionRoutes" ("MunicipalityId");

CREATE INDEX "IX_ContextFigures_MunicipalityId" ON "ContextFigures" ("MunicipalityId");

CREATE INDEX "IX_ComenshaRegistrations_MunicipalityId" ON "ComenshaRegistrations" ("MunicipalityId");

CREATE INDEX "IX_CaseTableMeetings_MunicipalityId" ON "CaseTableMeetings" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_BuildingBlocks_MunicipalityId_Name" ON "BuildingBlocks" ("MunicipalityId", "Name");

CREATE INDEX "IX_BuildingBlockActivities_MunicipalityId" ON "BuildingBlockActivities" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_BaselineCounts_MunicipalityId_Year_Form_Source" ON "BaselineCounts" ("MunicipalityId", "Year", "Form", "Source");

CREATE INDEX "IX_BalancingOfInterests_MunicipalityId" ON "BalancingOfInterests" ("MunicipalityId");

CREATE INDEX "IX_AuditEvents_MunicipalityId" ON "AuditEvents" ("MunicipalityId");

CREATE INDEX "IX_AspNetUsers_MunicipalityId" ON "AspNetUsers" ("MunicipalityId");

CREATE INDEX "IX_AgendaProgressNotes_MunicipalityId" ON "AgendaProgressNotes" ("MunicipalityId");

CREATE INDEX "IX_AgendaItems_MunicipalityId" ON "AgendaItems" ("MunicipalityId");

CREATE INDEX "IX_AgendaActivities_MunicipalityId" ON "AgendaActivities" ("MunicipalityId");

CREATE INDEX "IX_AccessReviews_MunicipalityId" ON "AccessReviews" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_Municipalities_Code" ON "Municipalities" ("Code");

CREATE UNIQUE INDEX "IX_Municipalities_Name" ON "Municipalities" ("Name");

CREATE TABLE "ef_temp_AccessReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessReviews" PRIMARY KEY AUTOINCREMENT,
    "Accounts" INTEGER NOT NULL,
    "CompletedAt" INTEGER NOT NULL,
    "CompletedById" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AccessReviews_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AccessReviews" ("Id", "Accounts", "CompletedAt", "CompletedById", "MunicipalityId", "Note")
SELECT "Id", "Accounts", "CompletedAt", "CompletedById", "MunicipalityId", "Note"
FROM "AccessReviews";

CREATE TABLE "ef_temp_AgendaActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaActivities" PRIMARY KEY AUTOINCREMENT,
    "BuildingBlocks" TEXT NULL,
    "Description" TEXT NULL,
    "Forms" INTEGER NOT NULL,
    "Goals" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "OwnerDepartment" TEXT NULL,
    "Partners" TEXT NULL,
    "PlannedEnd" TEXT NULL,
    "PlannedStart" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AgendaActivities_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AgendaActivities" ("Id", "BuildingBlocks", "Description", "Forms", "Goals", "Level", "MunicipalityId", "OwnerDepartment", "Partners", "PlannedEnd", "PlannedStart", "Status", "Title", "UpdatedAt", "UpdatedById", "Version")
SELECT "Id", "BuildingBlocks", "Description", "Forms", "Goals", "Level", "MunicipalityId", "OwnerDepartment", "Partners", "PlannedEnd", "PlannedStart", "Status", "Title", "UpdatedAt", "UpdatedById", "Version"
FROM "AgendaActivities";

CREATE TABLE "ef_temp_AgendaItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY,
    "Assessment" TEXT NULL,
    "MeetingId" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_AgendaItems_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaItems_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AgendaItems_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AgendaItems" ("Id", "Assessment", "MeetingId", "MunicipalityId", "SignalId", "SortOrder")
SELECT "Id", "Assessment", "MeetingId", "MunicipalityId", "SignalId", "SortOrder"
FROM "AgendaItems";

CREATE TABLE "ef_temp_AgendaProgressNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaProgressNotes" PRIMARY KEY AUTOINCREMENT,
    "ActivityId" INTEGER NOT NULL,
    "EvidenceUrl" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedByName" TEXT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_AgendaProgressNotes_AgendaActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "AgendaActivities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaProgressNotes_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AgendaProgressNotes" ("Id", "ActivityId", "EvidenceUrl", "MunicipalityId", "RecordedAt", "RecordedByName", "Text")
SELECT "Id", "ActivityId", "EvidenceUrl", "MunicipalityId", "RecordedAt", "RecordedByName", "Text"
FROM "AgendaProgressNotes";

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
    "MunicipalityId" INTEGER NOT NULL,
    "MustChangePassword" INTEGER NOT NULL,
    "NormalizedEmail" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "PasswordHash" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "SecurityStamp" TEXT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    CONSTRAINT "FK_AspNetUsers_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AspNetUsers" ("Id", "AccessFailedCount", "ConcurrencyStamp", "DepartmentId", "DisplayName", "Email", "EmailConfirmed", "LastSignInAt", "LockoutEnabled", "LockoutEnd", "MunicipalityId", "MustChangePassword", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UserName")
SELECT "Id", "AccessFailedCount", "ConcurrencyStamp", "DepartmentId", "DisplayName", "Email", "EmailConfirmed", "LastSignInAt", "LockoutEnabled", "LockoutEnd", "MunicipalityId", "MustChangePassword", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UserName"
FROM "AspNetUsers";

CREATE TABLE "ef_temp_AuditEvents" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "CorrelationId" TEXT NULL,
    "Hash" TEXT NOT NULL,
    "MunicipalityId" INTEGER NULL,
    "ObjectId" TEXT NULL,
    "ObjectType" TEXT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    CONSTRAINT "FK_AuditEvents_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_AuditEvents" ("Sequence", "Action", "ActorId", "ActorRole", "ClientAddress", "CorrelationId", "Hash", "MunicipalityId", "ObjectId", "ObjectType", "OccurredAt", "Outcome", "PreviousHash", "Purpose")
SELECT "Sequence", "Action", "ActorId", "ActorRole", "ClientAddress", "CorrelationId", "Hash", "MunicipalityId", "ObjectId", "ObjectType", "OccurredAt", "Outcome", "PreviousHash", "Purpose"
FROM "AuditEvents";

CREATE TABLE "ef_temp_BalancingOfInterests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BalancingOfInterests" PRIMARY KEY,
    "Categories" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Necessity" TEXT NULL,
    "Outcome" TEXT NULL,
    "Proportionality" TEXT NULL,
    "Purpose" TEXT NULL,
    "RecipientPartnerId" INTEGER NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RouteId" TEXT NULL,
    "SharingJustified" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "Subsidiarity" TEXT NULL,
    "WeighedBy" TEXT NULL,
    "WideningReason" TEXT NULL,
    CONSTRAINT "FK_BalancingOfInterests_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BalancingOfInterests_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_BalancingOfInterests" ("Id", "Categories", "MunicipalityId", "Necessity", "Outcome", "Proportionality", "Purpose", "RecipientPartnerId", "RecordedAt", "RecordedById", "RouteId", "SharingJustified", "SignalId", "Subsidiarity", "WeighedBy", "WideningReason")
SELECT "Id", "Categories", "MunicipalityId", "Necessity", "Outcome", "Proportionality", "Purpose", "RecipientPartnerId", "RecordedAt", "RecordedById", "RouteId", "SharingJustified", "SignalId", "Subsidiarity", "WeighedBy", "WideningReason"
FROM "BalancingOfInterests";

CREATE TABLE "ef_temp_BaselineCounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BaselineCounts" PRIMARY KEY AUTOINCREMENT,
    "Count" INTEGER NOT NULL,
    "EnteredAt" INTEGER NOT NULL,
    "EnteredById" TEXT NULL,
    "EnteredByName" TEXT NULL,
    "Form" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Source" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    CONSTRAINT "FK_BaselineCounts_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_BaselineCounts" ("Id", "Count", "EnteredAt", "EnteredById", "EnteredByName", "Form", "MunicipalityId", "Note", "Source", "Version", "Year")
SELECT "Id", "Count", "EnteredAt", "EnteredById", "EnteredByName", "Form", "MunicipalityId", "Note", "Source", "Version", "Year"
FROM "BaselineCounts";

CREATE TABLE "ef_temp_BuildingBlockActivities" (
    "BuildingBlockId" INTEGER NOT NULL,
    "ActivityId" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    CONSTRAINT "PK_BuildingBlockActivities" PRIMARY KEY ("BuildingBlockId", "ActivityId"),
    CONSTRAINT "FK_BuildingBlockActivities_AgendaActivities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "AgendaActivities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BuildingBlockActivities_BuildingBlocks_BuildingBlockId" FOREIGN KEY ("BuildingBlockId") REFERENCES "BuildingBlocks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BuildingBlockActivities_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_BuildingBlockActivities" ("BuildingBlockId", "ActivityId", "MunicipalityId")
SELECT "BuildingBlockId", "ActivityId", "MunicipalityId"
FROM "BuildingBlockActivities";

CREATE TABLE "ef_temp_BuildingBlocks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BuildingBlocks" PRIMARY KEY AUTOINCREMENT,
    "Explanation" TEXT NULL,
    "LacksNationalFunding" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Plateau" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Source" TEXT NULL,
    "Status" INTEGER NULL,
    "Theme" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_BuildingBlocks_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_BuildingBlocks" ("Id", "Explanation", "LacksNationalFunding", "MunicipalityId", "Name", "Plateau", "SortOrder", "Source", "Status", "Theme", "UpdatedAt", "UpdatedById", "Version")
SELECT "Id", "Explanation", "LacksNationalFunding", "MunicipalityId", "Name", "Plateau", "SortOrder", "Source", "Status", "Theme", "UpdatedAt", "UpdatedById", "Version"
FROM "BuildingBlocks";

CREATE TABLE "ef_temp_CaseTableMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseTableMeetings" PRIMARY KEY,
    "ChairId" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "CreatedById" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "ScheduledAt" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_CaseTableMeetings_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_CaseTableMeetings" ("Id", "ChairId", "ClosedAt", "CreatedById", "MunicipalityId", "ScheduledAt", "Title", "Version")
SELECT "Id", "ChairId", "ClosedAt", "CreatedById", "MunicipalityId", "ScheduledAt", "Title", "Version"
FROM "CaseTableMeetings";

CREATE TABLE "ef_temp_ComenshaRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ComenshaRegistrations" PRIMARY KEY,
    "AgeGroup" TEXT NULL,
    "Consent" INTEGER NOT NULL,
    "ConsentBy" INTEGER NULL,
    "ConsentOn" TEXT NULL,
    "CountryOfOrigin" TEXT NULL,
    "DossierId" TEXT NOT NULL,
    "Forms" INTEGER NOT NULL,
    "Gender" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Nationality" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RegisteredOn" TEXT NULL,
    "Sector" INTEGER NOT NULL,
    "SignalledBy" INTEGER NOT NULL,
    "VictimId" TEXT NOT NULL,
    CONSTRAINT "FK_ComenshaRegistrations_DossierVictim_VictimId" FOREIGN KEY ("VictimId") REFERENCES "DossierVictim" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ComenshaRegistrations_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ComenshaRegistrations_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_ComenshaRegistrations" ("Id", "AgeGroup", "Consent", "ConsentBy", "ConsentOn", "CountryOfOrigin", "DossierId", "Forms", "Gender", "MunicipalityId", "Nationality", "RecordedAt", "RecordedById", "RegisteredOn", "Sector", "SignalledBy", "VictimId")
SELECT "Id", "AgeGroup", "Consent", "ConsentBy", "ConsentOn", "CountryOfOrigin", "DossierId", "Forms", "Gender", "MunicipalityId", "Nationality", "RecordedAt", "RecordedById", "RegisteredOn", "Sector", "SignalledBy", "VictimId"
FROM "ComenshaRegistrations";

CREATE TABLE "ef_temp_ContextFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContextFigures" PRIMARY KEY AUTOINCREMENT,
    "Area" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "Measure" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Year" INTEGER NULL,
    CONSTRAINT "FK_ContextFigures_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_ContextFigures" ("Id", "Area", "Form", "Measure", "MunicipalityId", "Note", "Source", "Value", "Year")
SELECT "Id", "Area", "Form", "Measure", "MunicipalityId", "Note", "Source", "Value", "Year"
FROM "ContextFigures";

CREATE TABLE "ef_temp_DecisionRoutes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionRoutes" PRIMARY KEY,
    "BalancingId" TEXT NULL,
    "Channel" INTEGER NULL,
    "DataCategories" INTEGER NOT NULL,
    "DecidedAt" INTEGER NOT NULL,
    "ForwardedAt" INTEGER NULL,
    "ForwardedById" TEXT NULL,
    "ForwardedToPartnerId" INTEGER NULL,
    "HandoverSummary" TEXT NULL,
    "IndividualCaseMeetingRequested" INTEGER NOT NULL,
    "MeetingId" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "PartnerIds" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "RecipientPartnerId" INTEGER NULL,
    "Route" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    CONSTRAINT "FK_DecisionRoutes_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DecisionRoutes_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DecisionRoutes" ("Id", "BalancingId", "Channel", "DataCategories", "DecidedAt", "ForwardedAt", "ForwardedById", "ForwardedToPartnerId", "HandoverSummary", "IndividualCaseMeetingRequested", "MeetingId", "MunicipalityId", "PartnerIds", "Reason", "RecipientPartnerId", "Route", "SignalId")
SELECT "Id", "BalancingId", "Channel", "DataCategories", "DecidedAt", "ForwardedAt", "ForwardedById", "ForwardedToPartnerId", "HandoverSummary", "IndividualCaseMeetingRequested", "MeetingId", "MunicipalityId", "PartnerIds", "Reason", "RecipientPartnerId", "Route", "SignalId"
FROM "DecisionRoutes";

CREATE TABLE "ef_temp_Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY AUTOINCREMENT,
    "HasPublicContact" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "PublicContactEmployees" INTEGER NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Departments_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Departments" ("Id", "HasPublicContact", "MunicipalityId", "Name", "PublicContactEmployees", "Version")
SELECT "Id", "HasPublicContact", "MunicipalityId", "Name", "PublicContactEmployees", "Version"
FROM "Departments";

CREATE TABLE "ef_temp_DossierAccessGrants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierAccessGrants" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "GrantedById" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "PartnerId" INTEGER NULL,
    "Purpose" TEXT NULL,
    "RevokedAt" INTEGER NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_DossierAccessGrants_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierAccessGrants_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DossierAccessGrants" ("Id", "DossierId", "EndsOn", "GrantedAt", "GrantedById", "MunicipalityId", "PartnerId", "Purpose", "RevokedAt", "UserId")
SELECT "Id", "DossierId", "EndsOn", "GrantedAt", "GrantedById", "MunicipalityId", "PartnerId", "Purpose", "RevokedAt", "UserId"
FROM "DossierAccessGrants";

CREATE TABLE "ef_temp_DossierConsents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierConsents" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "Given" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Purpose" TEXT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedOn" TEXT NOT NULL,
    CONSTRAINT "FK_DossierConsents_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierConsents_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DossierConsents" ("Id", "DossierId", "Given", "MunicipalityId", "Purpose", "RecordedById", "RecordedOn")
SELECT "Id", "DossierId", "Given", "MunicipalityId", "Purpose", "RecordedById", "RecordedOn"
FROM "DossierConsents";

CREATE TABLE "ef_temp_DossierNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierNotes" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Text" TEXT NULL,
    CONSTRAINT "FK_DossierNotes_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierNotes_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DossierNotes" ("Id", "DossierId", "Kind", "MunicipalityId", "OccurredOn", "RecordedAt", "RecordedById", "Text")
SELECT "Id", "DossierId", "Kind", "MunicipalityId", "OccurredOn", "RecordedAt", "RecordedById", "Text"
FROM "DossierNotes";

CREATE TABLE "ef_temp_DossierPartners" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierPartners" PRIMARY KEY,
    "DossierId" TEXT NOT NULL,
    "Involvement" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "PartnerId" INTEGER NOT NULL,
    "Since" TEXT NOT NULL,
    CONSTRAINT "FK_DossierPartners_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierPartners_Partners_PartnerId" FOREIGN KEY ("PartnerId") REFERENCES "Partners" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierPartners_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DossierPartners" ("Id", "DossierId", "Involvement", "MunicipalityId", "PartnerId", "Since")
SELECT "Id", "DossierId", "Involvement", "MunicipalityId", "PartnerId", "Since"
FROM "DossierPartners";

CREATE TABLE "ef_temp_DossierVictim" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DossierVictim" PRIMARY KEY,
    "Age" TEXT NULL,
    "ContactDetails" TEXT NULL,
    "DossierId" TEXT NOT NULL,
    "Language" TEXT NULL,
    "Minor" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "NameOrDescription" TEXT NULL,
    "Nationality" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "SubjectHash" TEXT NULL,
    CONSTRAINT "FK_DossierVictim_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DossierVictim_VictimDossiers_DossierId" FOREIGN KEY ("DossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_DossierVictim" ("Id", "Age", "ContactDetails", "DossierId", "Language", "Minor", "MunicipalityId", "NameOrDescription", "Nationality", "SortOrder", "SubjectHash")
SELECT "Id", "Age", "ContactDetails", "DossierId", "Language", "Minor", "MunicipalityId", "NameOrDescription", "Nationality", "SortOrder", "SubjectHash"
FROM "DossierVictim";

CREATE TABLE "ef_temp_HandoverLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HandoverLinks" PRIMARY KEY,
    "ExpiresAt" INTEGER NOT NULL,
    "FirstOpenedAt" INTEGER NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedById" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Openings" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "ReceivedByName" TEXT NULL,
    "ReceivedByOrganisation" TEXT NULL,
    "RevokedAt" INTEGER NULL,
    "RouteId" TEXT NOT NULL,
    "SignalId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_HandoverLinks_DecisionRoutes_RouteId" FOREIGN KEY ("RouteId") REFERENCES "DecisionRoutes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_HandoverLinks_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_HandoverLinks_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_HandoverLinks" ("Id", "ExpiresAt", "FirstOpenedAt", "IssuedAt", "IssuedById", "MunicipalityId", "Openings", "ReceivedAt", "ReceivedByName", "ReceivedByOrganisation", "RevokedAt", "RouteId", "SignalId", "TokenHash", "Version")
SELECT "Id", "ExpiresAt", "FirstOpenedAt", "IssuedAt", "IssuedById", "MunicipalityId", "Openings", "ReceivedAt", "ReceivedByName", "ReceivedByOrganisation", "RevokedAt", "RouteId", "SignalId", "TokenHash", "Version"
FROM "HandoverLinks";

CREATE TABLE "ef_temp_IdempotencyRecords" (
    "UserId" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "BodyHash" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserId", "KeyHash"),
    CONSTRAINT "FK_IdempotencyRecords_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_IdempotencyRecords" ("UserId", "KeyHash", "BodyHash", "CreatedAt", "MunicipalityId", "SignalId")
SELECT "UserId", "KeyHash", "BodyHash", "CreatedAt", "MunicipalityId", "SignalId"
FROM "IdempotencyRecords";

CREATE TABLE "ef_temp_IntakeDrafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntakeDrafts" PRIMARY KEY,
    "AuthorId" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "DataKeyId" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    "Step" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_IntakeDrafts_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_IntakeDrafts" ("Id", "AuthorId", "Content", "DataKeyId", "MunicipalityId", "SavedAt", "Step", "Version")
SELECT "Id", "AuthorId", "Content", "DataKeyId", "MunicipalityId", "SavedAt", "Step", "Version"
FROM "IntakeDrafts";

CREATE TABLE "ef_temp_LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "LiftedAt" INTEGER NULL,
    "LiftedById" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "PlacedById" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "SignalId" TEXT NULL,
    "VictimDossierId" TEXT NULL,
    CONSTRAINT "CK_LegalHolds_OneItem" CHECK (("SignalId" IS NULL) <> ("VictimDossierId" IS NULL)),
    CONSTRAINT "FK_LegalHolds_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LegalHolds_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LegalHolds_VictimDossiers_VictimDossierId" FOREIGN KEY ("VictimDossierId") REFERENCES "VictimDossiers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_LegalHolds" ("Id", "LiftedAt", "LiftedById", "MunicipalityId", "PlacedAt", "PlacedById", "Reason", "SignalId", "VictimDossierId")
SELECT "Id", "LiftedAt", "LiftedById", "MunicipalityId", "PlacedAt", "PlacedById", "Reason", "SignalId", "VictimDossierId"
FROM "LegalHolds";

CREATE TABLE "ef_temp_MeetingAttendee" (
    "MeetingId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Attendance" INTEGER NULL,
    "MunicipalityId" INTEGER NOT NULL,
    CONSTRAINT "PK_MeetingAttendee" PRIMARY KEY ("MeetingId", "UserId"),
    CONSTRAINT "FK_MeetingAttendee_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingAttendee_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_MeetingAttendee" ("MeetingId", "UserId", "Attendance", "MunicipalityId")
SELECT "MeetingId", "UserId", "Attendance", "MunicipalityId"
FROM "MeetingAttendee";

CREATE TABLE "ef_temp_MeetingContributions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingContributions" PRIMARY KEY,
    "AuthorId" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_MeetingContributions_CaseTableMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "CaseTableMeetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingContributions_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MeetingContributions_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_MeetingContributions" ("Id", "AuthorId", "ChangedAt", "CreatedAt", "MeetingId", "MunicipalityId", "SignalId", "Text", "Version")
SELECT "Id", "AuthorId", "ChangedAt", "CreatedAt", "MeetingId", "MunicipalityId", "SignalId", "Text", "Version"
FROM "MeetingContributions";

CREATE TABLE "ef_temp_OutboxMails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMails" PRIMARY KEY,
    "Attempts" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "ClaimedUntil" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    CONSTRAINT "FK_OutboxMails_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_OutboxMails" ("Id", "Attempts", "Body", "ClaimedUntil", "CreatedAt", "MunicipalityId", "NextAttemptAt", "Subject", "To")
SELECT "Id", "Attempts", "Body", "ClaimedUntil", "CreatedAt", "MunicipalityId", "NextAttemptAt", "Subject", "To"
FROM "OutboxMails";

CREATE TABLE "ef_temp_ProcessingActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProcessingActivities" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "DataCategories" TEXT NOT NULL,
    "DataSubjects" TEXT NOT NULL,
    "EnforcedBy" TEXT NULL,
    "LegalGround" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Recipients" TEXT NOT NULL,
    "Retention" TEXT NOT NULL,
    "Safeguards" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProcessingActivities_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_ProcessingActivities" ("Id", "Code", "DataCategories", "DataSubjects", "EnforcedBy", "LegalGround", "MunicipalityId", "Name", "Purpose", "Recipients", "Retention", "Safeguards", "UpdatedAt", "UpdatedById", "Version")
SELECT "Id", "Code", "DataCategories", "DataSubjects", "EnforcedBy", "LegalGround", "MunicipalityId", "Name", "Purpose", "Recipients", "Retention", "Safeguards", "UpdatedAt", "UpdatedById", "Version"
FROM "ProcessingActivities";

CREATE TABLE "ef_temp_ReferenceChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReferenceChanges" PRIMARY KEY AUTOINCREMENT,
    "After" TEXT NULL,
    "Before" TEXT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NULL,
    "ChangedByName" TEXT NULL,
    "Fields" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "SubjectKey" TEXT NOT NULL,
    CONSTRAINT "FK_ReferenceChanges_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_ReferenceChanges" ("Id", "After", "Before", "ChangedAt", "ChangedById", "ChangedByName", "Fields", "MunicipalityId", "Subject", "SubjectKey")
SELECT "Id", "After", "Before", "ChangedAt", "ChangedById", "ChangedByName", "Fields", "MunicipalityId", "Subject", "SubjectKey"
FROM "ReferenceChanges";

CREATE TABLE "ef_temp_SignalAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignalAttachments" PRIMARY KEY,
    "Content" BLOB NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalAttachments_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SignalAttachments_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_SignalAttachments" ("Id", "Content", "ContentType", "FileName", "MunicipalityId", "SignalId", "Size", "SortOrder")
SELECT "Id", "Content", "ContentType", "FileName", "MunicipalityId", "SignalId", "Size", "SortOrder"
FROM "SignalAttachments";

CREATE TABLE "ef_temp_SignalPeople" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignalPeople" PRIMARY KEY,
    "Age" TEXT NULL,
    "ContactDetails" TEXT NULL,
    "Language" TEXT NULL,
    "Minor" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "NameOrDescription" TEXT NULL,
    "Nationality" TEXT NULL,
    "Role" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "SubjectHash" TEXT NULL,
    CONSTRAINT "FK_SignalPeople_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SignalPeople_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_SignalPeople" ("Id", "Age", "ContactDetails", "Language", "Minor", "MunicipalityId", "NameOrDescription", "Nationality", "Role", "SignalId", "SortOrder", "SubjectHash")
SELECT "Id", "Age", "ContactDetails", "Language", "Minor", "MunicipalityId", "NameOrDescription", "Nationality", "Role", "SignalId", "SortOrder", "SubjectHash"
FROM "SignalPeople";

CREATE TABLE "ef_temp_Signals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Signals" PRIMARY KEY,
    "AcuteDanger" INTEGER NOT NULL,
    "AnalysisNotes" TEXT NULL,
    "AssignedOfficerId" TEXT NULL,
    "CaseTableWorkingDays" INTEGER NULL,
    "ClassifiedForms" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosureCode" TEXT NULL,
    "ConfirmedIndicatorCodes" TEXT NOT NULL,
    "DataKeyId" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "DeletionReceipt_Assessments" INTEGER NULL,
    "DeletionReceipt_Attachments" INTEGER NULL,
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
    "FirstAnalysisWorkingDays" INTEGER NULL,
    "Forms" INTEGER NOT NULL,
    "ForwardedAt" INTEGER NULL,
    "ForwardedWorkingDays" INTEGER NULL,
    "InboxRank" INTEGER NOT NULL,
    "IndicatorCodes" TEXT NOT NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "LastChangedAt" INTEGER NOT NULL,
    "LocationDetail" TEXT NULL,
    "LocationOther" TEXT NULL,
    "LocationType" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "NoYouthCareReason" TEXT NULL,
    "ObservedOn" TEXT NULL,
    "OnAgendaAt" INTEGER NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "ReceivedMonth" INTEGER NOT NULL,
    "Reference" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "SourceDetail" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedById" TEXT NOT NULL,
    "Urgency" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Signals_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Signals" ("Id", "AcuteDanger", "AnalysisNotes", "AssignedOfficerId", "CaseTableWorkingDays", "ClassifiedForms", "ClosedAt", "ClosureCode", "ConfirmedIndicatorCodes", "DataKeyId", "DecidedAt", "DecisionReason", "DeletionReceipt_Assessments", "DeletionReceipt_Attachments", "DeletionReceipt_BalancingRecords", "DeletionReceipt_People", "DeletionReceipt_PurgedAt", "DeletionReceipt_RouteReasons", "DeletionReceipt_Rule", "DeletionReceipt_TextFields", "DepartmentId", "Description", "Feedback", "FeedbackAt", "FirstAnalysisAt", "FirstAnalysisWorkingDays", "Forms", "ForwardedAt", "ForwardedWorkingDays", "InboxRank", "IndicatorCodes", "InvolvesMinor", "LastChangedAt", "LocationDetail", "LocationOther", "LocationType", "MunicipalityId", "NoYouthCareReason", "ObservedOn", "OnAgendaAt", "ReceivedAt", "ReceivedMonth", "Reference", "Source", "SourceDetail", "Status", "SubmittedById", "Urgency", "Version")
SELECT "Id", "AcuteDanger", "AnalysisNotes", "AssignedOfficerId", "CaseTableWorkingDays", "ClassifiedForms", "ClosedAt", "ClosureCode", "ConfirmedIndicatorCodes", "DataKeyId", "DecidedAt", "DecisionReason", "DeletionReceipt_Assessments", "DeletionReceipt_Attachments", "DeletionReceipt_BalancingRecords", "DeletionReceipt_People", "DeletionReceipt_PurgedAt", "DeletionReceipt_RouteReasons", "DeletionReceipt_Rule", "DeletionReceipt_TextFields", "DepartmentId", "Description", "Feedback", "FeedbackAt", "FirstAnalysisAt", "FirstAnalysisWorkingDays", "Forms", "ForwardedAt", "ForwardedWorkingDays", "InboxRank", "IndicatorCodes", "InvolvesMinor", "LastChangedAt", "LocationDetail", "LocationOther", "LocationType", "MunicipalityId", "NoYouthCareReason", "ObservedOn", "OnAgendaAt", "ReceivedAt", "ReceivedMonth", "Reference", "Source", "SourceDetail", "Status", "SubmittedById", "Urgency", "Version"
FROM "Signals";

CREATE TABLE "ef_temp_SignalStatusChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignalStatusChanges" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "From" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "SignalId" TEXT NOT NULL,
    "To" INTEGER NOT NULL,
    CONSTRAINT "FK_SignalStatusChanges_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SignalStatusChanges_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_SignalStatusChanges" ("Id", "At", "From", "Kind", "MunicipalityId", "SignalId", "To")
SELECT "Id", "At", "From", "Kind", "MunicipalityId", "SignalId", "To"
FROM "SignalStatusChanges";

CREATE TABLE "ef_temp_TrainingAttendance" (
    "SessionId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Participants" INTEGER NOT NULL,
    CONSTRAINT "PK_TrainingAttendance" PRIMARY KEY ("SessionId", "DepartmentId"),
    CONSTRAINT "FK_TrainingAttendance_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TrainingAttendance_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TrainingAttendance_TrainingSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "TrainingSessions" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_TrainingAttendance" ("SessionId", "DepartmentId", "MunicipalityId", "Participants")
SELECT "SessionId", "DepartmentId", "MunicipalityId", "Participants"
FROM "TrainingAttendance";

CREATE TABLE "ef_temp_TrainingSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingSessions" PRIMARY KEY AUTOINCREMENT,
    "Audience" TEXT NULL,
    "Date" TEXT NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "Provider" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_TrainingSessions_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_TrainingSessions" ("Id", "Audience", "Date", "MunicipalityId", "Provider", "RecordedAt", "RecordedById", "Title")
SELECT "Id", "Audience", "Date", "MunicipalityId", "Provider", "RecordedAt", "RecordedById", "Title"
FROM "TrainingSessions";

CREATE TABLE "ef_temp_VictimDossiers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VictimDossiers" PRIMARY KEY,
    "ClosedAt" INTEGER NULL,
    "ClosureNote" TEXT NULL,
    "ClosureReason" INTEGER NULL,
    "DataKeyId" TEXT NULL,
    "DeletionReceipt_Consents" INTEGER NULL,
    "DeletionReceipt_Grants" INTEGER NULL,
    "DeletionReceipt_Notes" INTEGER NULL,
    "DeletionReceipt_Partners" INTEGER NULL,
    "DeletionReceipt_PurgedAt" INTEGER NULL,
    "DeletionReceipt_Registrations" INTEGER NULL,
    "DeletionReceipt_Rule" TEXT NULL,
    "DeletionReceipt_Victims" INTEGER NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NOT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "Reference" TEXT NOT NULL,
    "ReflectionPeriodEnd" TEXT NULL,
    "ReflectionPeriodStart" TEXT NULL,
    "SignalId" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_VictimDossiers_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VictimDossiers_Signals_SignalId" FOREIGN KEY ("SignalId") REFERENCES "Signals" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_VictimDossiers" ("Id", "ClosedAt", "ClosureNote", "ClosureReason", "DataKeyId", "DeletionReceipt_Consents", "DeletionReceipt_Grants", "DeletionReceipt_Notes", "DeletionReceipt_Partners", "DeletionReceipt_PurgedAt", "DeletionReceipt_Registrations", "DeletionReceipt_Rule", "DeletionReceipt_Victims", "InvolvesMinor", "MunicipalityId", "OpenedAt", "Reference", "ReflectionPeriodEnd", "ReflectionPeriodStart", "SignalId", "Version")
SELECT "Id", "ClosedAt", "ClosureNote", "ClosureReason", "DataKeyId", "DeletionReceipt_Consents", "DeletionReceipt_Grants", "DeletionReceipt_Notes", "DeletionReceipt_Partners", "DeletionReceipt_PurgedAt", "DeletionReceipt_Registrations", "DeletionReceipt_Rule", "DeletionReceipt_Victims", "InvolvesMinor", "MunicipalityId", "OpenedAt", "Reference", "ReflectionPeriodEnd", "ReflectionPeriodStart", "SignalId", "Version"
FROM "VictimDossiers";

PRAGMA foreign_keys = 0;

DROP TABLE "AccessReviews";

ALTER TABLE "ef_temp_AccessReviews" RENAME TO "AccessReviews";

DROP TABLE "AgendaActivities";

ALTER TABLE "ef_temp_AgendaActivities" RENAME TO "AgendaActivities";

DROP TABLE "AgendaItems";

ALTER TABLE "ef_temp_AgendaItems" RENAME TO "AgendaItems";

DROP TABLE "AgendaProgressNotes";

ALTER TABLE "ef_temp_AgendaProgressNotes" RENAME TO "AgendaProgressNotes";

DROP TABLE "AspNetUsers";

ALTER TABLE "ef_temp_AspNetUsers" RENAME TO "AspNetUsers";

DROP TABLE "AuditEvents";

ALTER TABLE "ef_temp_AuditEvents" RENAME TO "AuditEvents";

DROP TABLE "BalancingOfInterests";

ALTER TABLE "ef_temp_BalancingOfInterests" RENAME TO "BalancingOfInterests";

DROP TABLE "BaselineCounts";

ALTER TABLE "ef_temp_BaselineCounts" RENAME TO "BaselineCounts";

DROP TABLE "BuildingBlockActivities";

ALTER TABLE "ef_temp_BuildingBlockActivities" RENAME TO "BuildingBlockActivities";

DROP TABLE "BuildingBlocks";

ALTER TABLE "ef_temp_BuildingBlocks" RENAME TO "BuildingBlocks";

DROP TABLE "CaseTableMeetings";

ALTER TABLE "ef_temp_CaseTableMeetings" RENAME TO "CaseTableMeetings";

DROP TABLE "ComenshaRegistrations";

ALTER TABLE "ef_temp_ComenshaRegistrations" RENAME TO "ComenshaRegistrations";

DROP TABLE "ContextFigures";

ALTER TABLE "ef_temp_ContextFigures" RENAME TO "ContextFigures";

DROP TABLE "DecisionRoutes";

ALTER TABLE "ef_temp_DecisionRoutes" RENAME TO "DecisionRoutes";

DROP TABLE "Departments";

ALTER TABLE "ef_temp_Departments" RENAME TO "Departments";

DROP TABLE "DossierAccessGrants";

ALTER TABLE "ef_temp_DossierAccessGrants" RENAME TO "DossierAccessGrants";

DROP TABLE "DossierConsents";

ALTER TABLE "ef_temp_DossierConsents" RENAME TO "DossierConsents";

DROP TABLE "DossierNotes";

ALTER TABLE "ef_temp_DossierNotes" RENAME TO "DossierNotes";

DROP TABLE "DossierPartners";

ALTER TABLE "ef_temp_DossierPartners" RENAME TO "DossierPartners";

DROP TABLE "DossierVictim";

ALTER TABLE "ef_temp_DossierVictim" RENAME TO "DossierVictim";

DROP TABLE "HandoverLinks";

ALTER TABLE "ef_temp_HandoverLinks" RENAME TO "HandoverLinks";

DROP TABLE "IdempotencyRecords";

ALTER TABLE "ef_temp_IdempotencyRecords" RENAME TO "IdempotencyRecords";

DROP TABLE "IntakeDrafts";

ALTER TABLE "ef_temp_IntakeDrafts" RENAME TO "IntakeDrafts";

DROP TABLE "LegalHolds";

ALTER TABLE "ef_temp_LegalHolds" RENAME TO "LegalHolds";

DROP TABLE "MeetingAttendee";

ALTER TABLE "ef_temp_MeetingAttendee" RENAME TO "MeetingAttendee";

DROP TABLE "MeetingContributions";

ALTER TABLE "ef_temp_MeetingContributions" RENAME TO "MeetingContributions";

DROP TABLE "OutboxMails";

ALTER TABLE "ef_temp_OutboxMails" RENAME TO "OutboxMails";

DROP TABLE "ProcessingActivities";

ALTER TABLE "ef_temp_ProcessingActivities" RENAME TO "ProcessingActivities";

DROP TABLE "ReferenceChanges";

ALTER TABLE "ef_temp_ReferenceChanges" RENAME TO "ReferenceChanges";

DROP TABLE "SignalAttachments";

ALTER TABLE "ef_temp_SignalAttachments" RENAME TO "SignalAttachments";

DROP TABLE "SignalPeople";

ALTER TABLE "ef_temp_SignalPeople" RENAME TO "SignalPeople";

DROP TABLE "Signals";

ALTER TABLE "ef_temp_Signals" RENAME TO "Signals";

DROP TABLE "SignalStatusChanges";

ALTER TABLE "ef_temp_SignalStatusChanges" RENAME TO "SignalStatusChanges";

DROP TABLE "TrainingAttendance";

ALTER TABLE "ef_temp_TrainingAttendance" RENAME TO "TrainingAttendance";

DROP TABLE "TrainingSessions";

ALTER TABLE "ef_temp_TrainingSessions" RENAME TO "TrainingSessions";

DROP TABLE "VictimDossiers";

ALTER TABLE "ef_temp_VictimDossiers" RENAME TO "VictimDossiers";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_AccessReviews_MunicipalityId" ON "AccessReviews" ("MunicipalityId");

CREATE INDEX "IX_AgendaActivities_MunicipalityId" ON "AgendaActivities" ("MunicipalityId");

CREATE INDEX "IX_AgendaActivities_Status_PlannedEnd" ON "AgendaActivities" ("Status", "PlannedEnd");

CREATE UNIQUE INDEX "IX_AgendaItems_MeetingId_SignalId" ON "AgendaItems" ("MeetingId", "SignalId");

CREATE INDEX "IX_AgendaItems_MunicipalityId" ON "AgendaItems" ("MunicipalityId");

CREATE INDEX "IX_AgendaItems_SignalId" ON "AgendaItems" ("SignalId");

CREATE INDEX "IX_AgendaProgressNotes_ActivityId" ON "AgendaProgressNotes" ("ActivityId");

CREATE INDEX "IX_AgendaProgressNotes_MunicipalityId" ON "AgendaProgressNotes" ("MunicipalityId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_MunicipalityId" ON "AspNetUsers" ("MunicipalityId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEvents_ActorId_Sequence" ON "AuditEvents" ("ActorId", "Sequence");

CREATE INDEX "IX_AuditEvents_MunicipalityId" ON "AuditEvents" ("MunicipalityId");

CREATE INDEX "IX_AuditEvents_ObjectId_Sequence" ON "AuditEvents" ("ObjectId", "Sequence");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "IX_BalancingOfInterests_MunicipalityId" ON "BalancingOfInterests" ("MunicipalityId");

CREATE INDEX "IX_BalancingOfInterests_RouteId" ON "BalancingOfInterests" ("RouteId");

CREATE INDEX "IX_BalancingOfInterests_SignalId" ON "BalancingOfInterests" ("SignalId");

CREATE UNIQUE INDEX "IX_BaselineCounts_MunicipalityId_Year_Form_Source" ON "BaselineCounts" ("MunicipalityId", "Year", "Form", "Source");

CREATE INDEX "IX_BuildingBlockActivities_ActivityId" ON "BuildingBlockActivities" ("ActivityId");

CREATE INDEX "IX_BuildingBlockActivities_MunicipalityId" ON "BuildingBlockActivities" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_BuildingBlocks_MunicipalityId_Name" ON "BuildingBlocks" ("MunicipalityId", "Name");

CREATE INDEX "IX_CaseTableMeetings_MunicipalityId" ON "CaseTableMeetings" ("MunicipalityId");

CREATE INDEX "IX_CaseTableMeetings_ScheduledAt_Id" ON "CaseTableMeetings" ("ScheduledAt", "Id");

CREATE INDEX "IX_ComenshaRegistrations_DossierId" ON "ComenshaRegistrations" ("DossierId");

CREATE INDEX "IX_ComenshaRegistrations_MunicipalityId" ON "ComenshaRegistrations" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_ComenshaRegistrations_VictimId" ON "ComenshaRegistrations" ("VictimId");

CREATE INDEX "IX_ContextFigures_MunicipalityId" ON "ContextFigures" ("MunicipalityId");

CREATE INDEX "IX_DecisionRoutes_MunicipalityId" ON "DecisionRoutes" ("MunicipalityId");

CREATE INDEX "IX_DecisionRoutes_SignalId_Route_ForwardedToPartnerId" ON "DecisionRoutes" ("SignalId", "Route", "ForwardedToPartnerId");

CREATE UNIQUE INDEX "IX_Departments_MunicipalityId_Name" ON "Departments" ("MunicipalityId", "Name");

CREATE INDEX "IX_DossierAccessGrants_DossierId" ON "DossierAccessGrants" ("DossierId");

CREATE INDEX "IX_DossierAccessGrants_MunicipalityId" ON "DossierAccessGrants" ("MunicipalityId");

CREATE INDEX "IX_DossierAccessGrants_UserId_DossierId" ON "DossierAccessGrants" ("UserId", "DossierId");

CREATE INDEX "IX_DossierConsents_DossierId" ON "DossierConsents" ("DossierId");

CREATE INDEX "IX_DossierConsents_MunicipalityId" ON "DossierConsents" ("MunicipalityId");

CREATE INDEX "IX_DossierNotes_DossierId" ON "DossierNotes" ("DossierId");

CREATE INDEX "IX_DossierNotes_MunicipalityId" ON "DossierNotes" ("MunicipalityId");

CREATE INDEX "IX_DossierPartners_DossierId" ON "DossierPartners" ("DossierId");

CREATE INDEX "IX_DossierPartners_MunicipalityId" ON "DossierPartners" ("MunicipalityId");

CREATE INDEX "IX_DossierPartners_PartnerId" ON "DossierPartners" ("PartnerId");

CREATE INDEX "IX_DossierVictim_DossierId" ON "DossierVictim" ("DossierId");

CREATE INDEX "IX_DossierVictim_MunicipalityId" ON "DossierVictim" ("MunicipalityId");

CREATE INDEX "IX_DossierVictim_SubjectHash" ON "DossierVictim" ("SubjectHash");

CREATE INDEX "IX_HandoverLinks_MunicipalityId" ON "HandoverLinks" ("MunicipalityId");

CREATE INDEX "IX_HandoverLinks_RouteId" ON "HandoverLinks" ("RouteId");

CREATE INDEX "IX_HandoverLinks_SignalId" ON "HandoverLinks" ("SignalId");

CREATE UNIQUE INDEX "IX_HandoverLinks_TokenHash" ON "HandoverLinks" ("TokenHash");

CREATE INDEX "IX_IdempotencyRecords_MunicipalityId" ON "IdempotencyRecords" ("MunicipalityId");

CREATE INDEX "IX_IntakeDrafts_AuthorId_SavedAt" ON "IntakeDrafts" ("AuthorId", "SavedAt");

CREATE INDEX "IX_IntakeDrafts_MunicipalityId" ON "IntakeDrafts" ("MunicipalityId");

CREATE INDEX "IX_IntakeDrafts_SavedAt" ON "IntakeDrafts" ("SavedAt");

CREATE INDEX "IX_LegalHolds_MunicipalityId" ON "LegalHolds" ("MunicipalityId");

CREATE INDEX "IX_LegalHolds_SignalId" ON "LegalHolds" ("SignalId");

CREATE INDEX "IX_LegalHolds_VictimDossierId" ON "LegalHolds" ("VictimDossierId");

CREATE INDEX "IX_MeetingAttendee_MunicipalityId" ON "MeetingAttendee" ("MunicipalityId");

CREATE INDEX "IX_MeetingAttendee_UserId" ON "MeetingAttendee" ("UserId");

CREATE UNIQUE INDEX "IX_MeetingContributions_MeetingId_SignalId_AuthorId" ON "MeetingContributions" ("MeetingId", "SignalId", "AuthorId");

CREATE INDEX "IX_MeetingContributions_MunicipalityId" ON "MeetingContributions" ("MunicipalityId");

CREATE INDEX "IX_MeetingContributions_SignalId" ON "MeetingContributions" ("SignalId");

CREATE INDEX "IX_OutboxMails_MunicipalityId" ON "OutboxMails" ("MunicipalityId");

CREATE INDEX "IX_OutboxMails_NextAttemptAt" ON "OutboxMails" ("NextAttemptAt");

CREATE UNIQUE INDEX "IX_ProcessingActivities_MunicipalityId_Code" ON "ProcessingActivities" ("MunicipalityId", "Code");

CREATE INDEX "IX_ReferenceChanges_MunicipalityId" ON "ReferenceChanges" ("MunicipalityId");

CREATE INDEX "IX_ReferenceChanges_Subject_SubjectKey_ChangedAt" ON "ReferenceChanges" ("Subject", "SubjectKey", "ChangedAt");

CREATE INDEX "IX_SignalAttachments_MunicipalityId" ON "SignalAttachments" ("MunicipalityId");

CREATE INDEX "IX_SignalAttachments_SignalId" ON "SignalAttachments" ("SignalId");

CREATE INDEX "IX_SignalPeople_MunicipalityId" ON "SignalPeople" ("MunicipalityId");

CREATE INDEX "IX_SignalPeople_SignalId" ON "SignalPeople" ("SignalId");

CREATE INDEX "IX_SignalPeople_SubjectHash" ON "SignalPeople" ("SubjectHash");

CREATE INDEX "IX_Signals_AssignedOfficerId_Status" ON "Signals" ("AssignedOfficerId", "Status");

CREATE INDEX "IX_Signals_InboxRank_ReceivedAt_Reference" ON "Signals" ("InboxRank", "ReceivedAt", "Reference");

CREATE INDEX "IX_Signals_MunicipalityId" ON "Signals" ("MunicipalityId");

CREATE INDEX "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays" ON "Signals" ("ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays");

CREATE INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id" ON "Signals" ("ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id");

CREATE UNIQUE INDEX "IX_Signals_Reference" ON "Signals" ("Reference");

CREATE INDEX "IX_Signals_Status_ReceivedAt_Reference" ON "Signals" ("Status", "ReceivedAt", "Reference");

CREATE INDEX "IX_Signals_SubmittedById_LastChangedAt_Reference" ON "Signals" ("SubmittedById", "LastChangedAt", "Reference");

CREATE INDEX "IX_SignalStatusChanges_MunicipalityId" ON "SignalStatusChanges" ("MunicipalityId");

CREATE INDEX "IX_SignalStatusChanges_SignalId" ON "SignalStatusChanges" ("SignalId");

CREATE INDEX "IX_TrainingAttendance_DepartmentId" ON "TrainingAttendance" ("DepartmentId");

CREATE INDEX "IX_TrainingAttendance_MunicipalityId" ON "TrainingAttendance" ("MunicipalityId");

CREATE INDEX "IX_TrainingSessions_Date" ON "TrainingSessions" ("Date");

CREATE INDEX "IX_TrainingSessions_MunicipalityId" ON "TrainingSessions" ("MunicipalityId");

CREATE INDEX "IX_VictimDossiers_ClosedAt_OpenedAt_Reference" ON "VictimDossiers" ("ClosedAt", "OpenedAt", "Reference");

CREATE INDEX "IX_VictimDossiers_MunicipalityId" ON "VictimDossiers" ("MunicipalityId");

CREATE INDEX "IX_VictimDossiers_OpenedAt_Reference" ON "VictimDossiers" ("OpenedAt", "Reference");

CREATE UNIQUE INDEX "IX_VictimDossiers_Reference" ON "VictimDossiers" ("Reference");

CREATE UNIQUE INDEX "IX_VictimDossiers_SignalId" ON "VictimDossiers" ("SignalId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207062055_Municipalities', '10.0.15');

DROP INDEX "IX_Partners_Name";

ALTER TABLE "Partners" ADD "MunicipalityId" INTEGER NULL;

CREATE UNIQUE INDEX "IX_Partners_MunicipalityId_Name" ON "Partners" ("MunicipalityId", "Name");

CREATE TABLE "ef_temp_Partners" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Partners" PRIMARY KEY AUTOINCREMENT,
    "ArchivedAt" INTEGER NULL,
    "Forms" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MunicipalityId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Roles" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Partners_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Partners" ("Id", "ArchivedAt", "Forms", "Kind", "MunicipalityId", "Name", "Roles", "SortOrder", "UpdatedAt", "UpdatedById", "Version")
SELECT "Id", "ArchivedAt", "Forms", "Kind", "MunicipalityId", "Name", "Roles", "SortOrder", "UpdatedAt", "UpdatedById", "Version"
FROM "Partners";

PRAGMA foreign_keys = 0;

DROP TABLE "Partners";

ALTER TABLE "ef_temp_Partners" RENAME TO "Partners";

PRAGMA foreign_keys = 1;

CREATE UNIQUE INDEX "IX_Partners_MunicipalityId_Name" ON "Partners" ("MunicipalityId", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207124233_PartnersPerMunicipality', '10.0.15');

DROP INDEX "IX_Signals_InboxRank_ReceivedAt_Reference";

DROP INDEX "IX_Signals_MunicipalityId";

DROP INDEX "IX_Signals_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays";

DROP INDEX "IX_Signals_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id";

DROP INDEX "IX_Signals_Status_ReceivedAt_Reference";

CREATE INDEX "IX_Signals_MunicipalityId_InboxRank_ReceivedAt_Reference" ON "Signals" ("MunicipalityId", "InboxRank", "ReceivedAt", "Reference");

CREATE INDEX "IX_Signals_MunicipalityId_ReceivedMonth_FirstAnalysisWorkingDays_CaseTableWorkingDays_ForwardedWorkingDays" ON "Signals" ("MunicipalityId", "ReceivedMonth", "FirstAnalysisWorkingDays", "CaseTableWorkingDays", "ForwardedWorkingDays");

CREATE INDEX "IX_Signals_MunicipalityId_ReceivedMonth_Source_Forms_ClassifiedForms_DepartmentId_LocationType_InvolvesMinor_Id" ON "Signals" ("MunicipalityId", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Id");

CREATE INDEX "IX_Signals_MunicipalityId_Status_ReceivedAt_Reference" ON "Signals" ("MunicipalityId", "Status", "ReceivedAt", "Reference");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207172700_ListIndexesPerMunicipality', '10.0.15');

CREATE TABLE "FigureCounts" (
    "MunicipalityId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ReceivedMonth" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "Forms" INTEGER NOT NULL,
    "ClassifiedForms" INTEGER NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "LocationType" INTEGER NOT NULL,
    "InvolvesMinor" INTEGER NOT NULL,
    "Days" INTEGER NOT NULL,
    "Route" INTEGER NOT NULL,
    "PartnerId" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_FigureCounts" PRIMARY KEY ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId"),
    CONSTRAINT "FK_FigureCounts_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);

INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
SELECT "MunicipalityId", 0, "ReceivedMonth", "Source", "Forms", "ClassifiedForms", COALESCE("DepartmentId", 0), "LocationType", "InvolvesMinor", 0, 0, 0, COUNT(*)
FROM "Signals" GROUP BY "MunicipalityId", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", COALESCE("DepartmentId", 0), "LocationType", "InvolvesMinor";
INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
SELECT "MunicipalityId", 1, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "FirstAnalysisWorkingDays", 0, 0, COUNT(*)
FROM "Signals" WHERE "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "FirstAnalysisWorkingDays";
INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
SELECT "MunicipalityId", 2, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "CaseTableWorkingDays", 0, 0, COUNT(*)
FROM "Signals" WHERE "CaseTableWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "CaseTableWorkingDays";
INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
SELECT "MunicipalityId", 3, "ReceivedMonth", 0, 0, 0, 0, 0, FALSE, "ForwardedWorkingDays", 0, 0, COUNT(*)
FROM "Signals" WHERE "ForwardedWorkingDays" IS NOT NULL GROUP BY "MunicipalityId", "ReceivedMonth", "ForwardedWorkingDays";
INSERT INTO "FigureCounts" ("MunicipalityId", "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count")
SELECT s."MunicipalityId", 4, s."ReceivedMonth", s."Source", s."Forms", s."ClassifiedForms", COALESCE(s."DepartmentId", 0), 0, FALSE, 0, r."Route", COALESCE(r."ForwardedToPartnerId", 0), COUNT(*)
FROM "DecisionRoutes" r JOIN "Signals" s ON s."Id" = r."SignalId"
GROUP BY s."MunicipalityId", s."ReceivedMonth", s."Source", s."Forms", s."ClassifiedForms", COALESCE(s."DepartmentId", 0), r."Route", COALESCE(r."ForwardedToPartnerId", 0);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207200157_FigureCountsMaintained', '10.0.15');

DROP INDEX "IX_VictimDossiers_ClosedAt_OpenedAt_Reference";

DROP INDEX "IX_VictimDossiers_MunicipalityId";

DROP INDEX "IX_VictimDossiers_OpenedAt_Reference";

DROP INDEX "IX_Signals_SubmittedById_LastChangedAt_Reference";

DROP INDEX "IX_CaseTableMeetings_MunicipalityId";

DROP INDEX "IX_CaseTableMeetings_ScheduledAt_Id";

DROP INDEX "IX_AuditEvents_ActorId_Sequence";

DROP INDEX "IX_AuditEvents_MunicipalityId";

DROP INDEX "IX_AuditEvents_ObjectId_Sequence";

CREATE INDEX "IX_VictimDossiers_Closed" ON "VictimDossiers" ("MunicipalityId", "OpenedAt", "Reference") WHERE "ClosedAt" IS NOT NULL;

CREATE INDEX "IX_VictimDossiers_Open" ON "VictimDossiers" ("MunicipalityId", "OpenedAt", "Reference") WHERE "ClosedAt" IS NULL;

CREATE INDEX "IX_Signals_MunicipalityId_SubmittedById_LastChangedAt_Reference" ON "Signals" ("MunicipalityId", "SubmittedById", "LastChangedAt", "Reference");

CREATE INDEX "IX_CaseTableMeetings_MunicipalityId_ScheduledAt_Id" ON "CaseTableMeetings" ("MunicipalityId", "ScheduledAt", "Id");

CREATE INDEX "IX_AuditEvents_MunicipalityId_ActorId_Sequence" ON "AuditEvents" ("MunicipalityId", "ActorId", "Sequence");

CREATE INDEX "IX_AuditEvents_MunicipalityId_ObjectId_Sequence" ON "AuditEvents" ("MunicipalityId", "ObjectId", "Sequence");

CREATE INDEX "IX_AuditEvents_MunicipalityId_Sequence" ON "AuditEvents" ("MunicipalityId", "Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207205523_KeysetListIndexesPerMunicipality', '10.0.15');

