/// The schema, as an ordered list of migrations. `PRAGMA user_version` records how many have
/// run; opening a store runs the missing ones in one transaction. Never edit a shipped
/// migration: append a new one.
///
/// Storage conventions: dates are `INTEGER` `YYYYMMDD` (sorts like the date, no time zone),
/// money is `INTEGER` cents, booleans `0/1`. CHECK constraints repeat the domain's rules so a
/// future writer that bypasses the domain types still cannot store a negative amount.
enum Migrations {
    static let all: [String] = [v1Tables, v2Indexes]

    static let v1Tables = """
        CREATE TABLE caisse (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            street TEXT NOT NULL, postal_code TEXT NOT NULL, city TEXT NOT NULL
        );
        CREATE TABLE insured (
            id INTEGER PRIMARY KEY,
            nir13 TEXT NOT NULL UNIQUE,
            nir_key INTEGER NOT NULL CHECK (nir_key BETWEEN 1 AND 97),
            last_name TEXT NOT NULL, usage_name TEXT, first_name TEXT NOT NULL,
            sex INTEGER NOT NULL CHECK (sex IN (1, 2)),
            birth_date INTEGER NOT NULL,
            street TEXT NOT NULL, postal_code TEXT NOT NULL, city TEXT NOT NULL,
            email TEXT, iban_masked TEXT,
            caisse_code TEXT NOT NULL REFERENCES caisse(code),
            medecin_traitant TEXT, complementaire TEXT
        );
        CREATE TABLE beneficiary (
            insured_id INTEGER NOT NULL REFERENCES insured(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL CHECK (rank >= 1),
            relationship TEXT NOT NULL CHECK (relationship IN ('assure', 'conjoint', 'enfant')),
            first_name TEXT NOT NULL, last_name TEXT NOT NULL, birth_date INTEGER NOT NULL,
            PRIMARY KEY (insured_id, rank)
        ) WITHOUT ROWID;
        CREATE TABLE rights_period (
            id INTEGER PRIMARY KEY,
            insured_id INTEGER NOT NULL, rank INTEGER NOT NULL,
            open_from INTEGER NOT NULL, open_to INTEGER,
            ald_since INTEGER, ald_exoneration INTEGER NOT NULL DEFAULT 0,
            css INTEGER NOT NULL DEFAULT 0,
            FOREIGN KEY (insured_id, rank) REFERENCES beneficiary(insured_id, rank) ON DELETE CASCADE
        );
        CREATE TABLE care_payment (
            id INTEGER PRIMARY KEY,
            insured_id INTEGER NOT NULL, rank INTEGER NOT NULL,
            care_date INTEGER NOT NULL, payment_date INTEGER NOT NULL,
            kind TEXT NOT NULL, act TEXT NOT NULL, professional TEXT NOT NULL,
            amount_paid INTEGER NOT NULL CHECK (amount_paid >= 0),
            base INTEGER NOT NULL CHECK (base >= 0),
            rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
            reimbursed INTEGER NOT NULL CHECK (reimbursed >= 0),
            participation INTEGER NOT NULL CHECK (participation >= 0),
            franchise INTEGER NOT NULL CHECK (franchise >= 0),
            paid_to TEXT NOT NULL CHECK (paid_to IN ('assure', 'professionnel')),
            dossier TEXT NOT NULL,
            FOREIGN KEY (insured_id, rank) REFERENCES beneficiary(insured_id, rank) ON DELETE CASCADE
        );
        CREATE TABLE daily_allowance (
            id INTEGER PRIMARY KEY,
            insured_id INTEGER NOT NULL REFERENCES insured(id) ON DELETE CASCADE,
            work_stop_ref TEXT NOT NULL,
            period_from INTEGER NOT NULL, period_to INTEGER NOT NULL,
            days INTEGER NOT NULL CHECK (days >= 1),
            daily_gross INTEGER NOT NULL CHECK (daily_gross >= 0),
            gross INTEGER NOT NULL CHECK (gross >= 0),
            csg INTEGER NOT NULL CHECK (csg >= 0), crds INTEGER NOT NULL CHECK (crds >= 0),
            net INTEGER NOT NULL CHECK (net >= 0),
            payment_date INTEGER NOT NULL,
            cause TEXT NOT NULL CHECK (cause IN ('maladie', 'accident-du-travail', 'maternite')),
            ald INTEGER NOT NULL, mi_temps INTEGER NOT NULL
        );
        CREATE TABLE invalidity_payment (
            id INTEGER PRIMARY KEY,
            insured_id INTEGER NOT NULL REFERENCES insured(id) ON DELETE CASCADE,
            month INTEGER NOT NULL, payment_date INTEGER NOT NULL,
            category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 3),
            gross INTEGER NOT NULL CHECK (gross >= 0), net INTEGER NOT NULL CHECK (net >= 0),
            taxable INTEGER NOT NULL CHECK (taxable >= 0)
        );
        CREATE TABLE ceam_card (
            card_number TEXT PRIMARY KEY,
            insured_id INTEGER NOT NULL, rank INTEGER NOT NULL,
            expiry INTEGER NOT NULL,
            FOREIGN KEY (insured_id, rank) REFERENCES beneficiary(insured_id, rank) ON DELETE CASCADE
        );
        CREATE TABLE ceam_certificate (
            id INTEGER PRIMARY KEY,
            insured_id INTEGER NOT NULL, rank INTEGER NOT NULL,
            delivered_on INTEGER NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL,
            -- Delivered online once per beneficiary: the database refuses the second one.
            UNIQUE (insured_id, rank),
            FOREIGN KEY (insured_id, rank) REFERENCES beneficiary(insured_id, rank) ON DELETE CASCADE
        );
        """

    /// Indexes for the document queries (per account, by payment date).
    static let v2Indexes = """
        CREATE INDEX care_payment_by_account_date ON care_payment (insured_id, payment_date);
        CREATE INDEX daily_allowance_by_account_date ON daily_allowance (insured_id, payment_date);
        CREATE INDEX invalidity_payment_by_account_date ON invalidity_payment (insured_id, payment_date);
        CREATE INDEX rights_period_by_account ON rights_period (insured_id, rank);
        CREATE INDEX ceam_card_by_account ON ceam_card (insured_id, rank);
        """
}
