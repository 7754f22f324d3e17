CREATE TABLE IF NOT EXISTS registry_setting (
    setting_id VARCHAR(64) PRIMARY KEY,
    active BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS registry_worker (
    worker_id VARCHAR(64) PRIMARY KEY,
    active BOOLEAN NOT NULL,
    capacity INT NOT NULL
);
CREATE TABLE IF NOT EXISTS registry_worker_setting (
    worker_id VARCHAR(64) NOT NULL,
    setting_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (worker_id, setting_id)
);
CREATE TABLE IF NOT EXISTS registry_participant (
    participant_id VARCHAR(16) PRIMARY KEY,
    erased BOOLEAN NOT NULL
);
-- Who registered each person (the actor of ParticipantRegistered): they see the person until a case is allocated.
-- Null where an earlier release registered them; RegistrantBackfill fills it in for those it still matters for.
ALTER TABLE registry_participant ADD COLUMN IF NOT EXISTS registered_by VARCHAR(255);
CREATE TABLE IF NOT EXISTS registry_case (
    referral_id VARCHAR(64) PRIMARY KEY,
    worker_id VARCHAR(64) NOT NULL,
    is_open BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS registry_case_by_worker ON registry_case (worker_id, is_open);
CREATE SEQUENCE IF NOT EXISTS participant_number START WITH 1;
-- Where each case belongs, so that a links worker or manager is let near only the cases of their part of the programme.
CREATE TABLE IF NOT EXISTS registry_referral (
    referral_id VARCHAR(64) PRIMARY KEY,
    setting_id VARCHAR(64) NOT NULL,
    participant_id VARCHAR(16) NOT NULL
);
CREATE INDEX IF NOT EXISTS registry_referral_by_participant ON registry_referral (participant_id);
