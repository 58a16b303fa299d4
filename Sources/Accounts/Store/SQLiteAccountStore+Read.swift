/// The read side of `AccountStore`: one query per document need, rows mapped back through the
/// domain initialisers (so stored data is re-validated on the way out).
extension SQLiteAccountStore {
    public func caisse(code: String) throws -> Caisse? {
        try locked { db in try Self.caisse(db, code: code) }
    }

    static func caisse(_ db: SQLiteConnection, code: String) throws -> Caisse? {
        try db.query("SELECT code, name, street, postal_code, city FROM caisse WHERE code = ?",
                     [.text(code)], field: "caisse") { r in
            try Caisse(code: r.text(0), name: r.text(1),
                       address: PostalAddress(street: r.text(2), postalCode: r.text(3), city: r.text(4)))
        }.first
    }

    public func insured(nir13: String) throws -> InsuredPerson? {
        try locked { db in
            try db.query("""
                SELECT nir13, nir_key, last_name, usage_name, first_name, sex, birth_date, street, postal_code,
                       city, email, iban_masked, caisse_code, medecin_traitant, complementaire
                FROM insured WHERE nir13 = ?
                """, [.text(nir13)], field: "insured") { r in
                try InsuredPerson(
                    nir: NIR(nir13: r.text(0), key: r.int(1)), lastName: r.text(2), usageName: r.optionalText(3),
                    firstName: r.text(4), sex: r.int(5) == 1 ? .male : .female, birthDate: r.day(6),
                    address: PostalAddress(street: r.text(7), postalCode: r.text(8), city: r.text(9)),
                    email: r.optionalText(10), bankAccount: r.optionalText(11).map(MaskedIBAN.init(stored:)),
                    caisseCode: r.text(12), medecinTraitant: r.optionalText(13), complementaire: r.optionalText(14))
            }.first
        }
    }

    public func beneficiaries(nir13: String) throws -> [Beneficiary] {
        try locked { db in try Self.beneficiaries(db, nir13: nir13) }
    }

    static func beneficiaries(_ db: SQLiteConnection, nir13: String) throws -> [Beneficiary] {
        try db.query("""
            SELECT b.rank, b.relationship, b.first_name, b.last_name, b.birth_date
            FROM beneficiary b JOIN insured i ON i.id = b.insured_id WHERE i.nir13 = ? ORDER BY b.rank
            """, [.text(nir13)], field: "beneficiary") { r in
            try Beneficiary(rank: r.int(0), relationship: Beneficiary.Relationship(rawValue: r.text(1)) ?? .enfant,
                            firstName: r.text(2), lastName: r.text(3), birthDate: r.day(4))
        }
    }

    public func rightsPeriods(nir13: String) throws -> [RightsPeriod] {
        try locked { db in
            try db.query("""
                SELECT p.rank, p.open_from, p.open_to, p.ald_since, p.ald_exoneration, p.css
                FROM rights_period p JOIN insured i ON i.id = p.insured_id WHERE i.nir13 = ?
                ORDER BY p.rank, p.open_from, p.id
                """, [.text(nir13)], field: "rightsPeriod") { r in
                let ald = try r.optionalDay(3).map { RightsPeriod.ALD(since: $0, exonerationTicketModerateur: r.bool(4)) }
                return try RightsPeriod(beneficiaryRank: r.int(0), openFrom: r.day(1), openTo: r.optionalDay(2),
                                        ald: ald, complementaireSanteSolidaire: r.bool(5))
            }
        }
    }

    public func carePayments(nir13: String, paid: ClosedRange<Day>, beneficiaryRank: Int?) throws -> [CarePayment] {
        try locked { db in
            guard let id = try Self.insuredID(db, nir13: nir13) else { return [] }
            return try db.query("""
                SELECT rank, care_date, kind, act, professional, amount_paid, base, rate_bp, reimbursed,
                       participation, franchise, payment_date, paid_to, dossier
                FROM care_payment
                WHERE insured_id = ?1 AND payment_date BETWEEN ?2 AND ?3 AND (?4 IS NULL OR rank = ?4)
                ORDER BY payment_date, care_date, id
                """, [.int(id), .day(paid.lowerBound), .day(paid.upperBound), .optional(beneficiaryRank)],
                field: "carePayment") { r in
                try CarePayment(
                    beneficiaryRank: r.int(0), careDate: r.day(1), kind: CarePayment.Kind(rawValue: r.text(2)) ?? .consultation,
                    act: r.text(3), professional: r.text(4), amountPaid: r.money(5), base: r.money(6),
                    rate: Rate(basisPoints: r.int(7)), reimbursed: r.money(8), participationForfaitaire: r.money(9),
                    franchise: r.money(10), paymentDate: r.day(11),
                    paidTo: CarePayment.Payee(rawValue: r.text(12)) ?? .assure, dossier: r.text(13))
            }
        }
    }

    public func dailyAllowances(nir13: String, paid: ClosedRange<Day>) throws -> [DailyAllowance] {
        try locked { db in
            guard let id = try Self.insuredID(db, nir13: nir13) else { return [] }
            return try db.query("""
                SELECT work_stop_ref, period_from, period_to, days, daily_gross, gross, csg, crds, net,
                       payment_date, cause, ald, mi_temps
                FROM daily_allowance WHERE insured_id = ? AND payment_date BETWEEN ? AND ?
                ORDER BY payment_date, period_from, id
                """, [.int(id), .day(paid.lowerBound), .day(paid.upperBound)], field: "dailyAllowance") { r in
                try DailyAllowance(
                    workStopReference: r.text(0), from: r.day(1), to: r.day(2), days: r.int(3),
                    dailyGross: r.money(4), gross: r.money(5), csg: r.money(6), crds: r.money(7), net: r.money(8),
                    paymentDate: r.day(9), cause: DailyAllowance.Cause(rawValue: r.text(10)) ?? .maladie,
                    ald: r.bool(11), miTempsTherapeutique: r.bool(12))
            }
        }
    }

    public func invalidityPayments(nir13: String, year: Int) throws -> [InvalidityPayment] {
        try locked { db in
            guard let id = try Self.insuredID(db, nir13: nir13) else { return [] }
            return try db.query("""
                SELECT month, payment_date, category, gross, net, taxable FROM invalidity_payment
                WHERE insured_id = ? AND payment_date BETWEEN ? AND ? ORDER BY payment_date, id
                """, [.int(id), .int(year * 10_000 + 101), .int(year * 10_000 + 1231)], field: "invalidityPayment") { r in
                try InvalidityPayment(month: YearMonth(year: r.int(0) / 100, month: r.int(0) % 100),
                                      paymentDate: r.day(1), category: r.int(2), gross: r.money(3),
                                      net: r.money(4), taxable: r.money(5))
            }
        }
    }

    public func ceamCards(nir13: String) throws -> [CEAMCard] {
        try locked { db in
            try db.query("""
                SELECT c.rank, c.card_number, c.expiry FROM ceam_card c JOIN insured i ON i.id = c.insured_id
                WHERE i.nir13 = ? ORDER BY c.rank, c.expiry, c.card_number
                """, [.text(nir13)], field: "ceamCard") { r in
                try CEAMCard(beneficiaryRank: r.int(0), cardNumber: r.text(1), expiry: r.day(2))
            }
        }
    }

    public func ceamCertificates(nir13: String) throws -> [CEAMCertificate] {
        try locked { db in
            try db.query("""
                SELECT c.rank, c.delivered_on, c.valid_from, c.valid_to FROM ceam_certificate c
                JOIN insured i ON i.id = c.insured_id WHERE i.nir13 = ? ORDER BY c.rank
                """, [.text(nir13)], field: "ceamCertificate") { r in
                try CEAMCertificate(beneficiaryRank: r.int(0), deliveredOn: r.day(1), validFrom: r.day(2), validTo: r.day(3))
            }
        }
    }

    public func accountSummaries(limit: Int) throws -> [AccountSummary] {
        try locked { db in
            let heads = try db.query("""
                SELECT nir13, last_name, usage_name, first_name, caisse_code FROM insured ORDER BY nir13 LIMIT ?
                """, [.int(max(0, limit))], field: "insured") { r in
                (r.text(0), r.text(1), r.optionalText(2), r.text(3), r.text(4))
            }
            var caisses: [String: Caisse] = [:]
            return try heads.map { head in
                if caisses[head.4] == nil { caisses[head.4] = try Self.caisse(db, code: head.4) }
                guard let caisse = caisses[head.4] else {
                    throw AccountsError(.notFound, field: "insured.caisseCode", reason: "caisse inconnue : \(head.4)")
                }
                return AccountSummary(nir13: head.0, lastName: head.1, usageName: head.2, firstName: head.3,
                                      caisse: caisse, beneficiaries: try Self.beneficiaries(db, nir13: head.0))
            }
        }
    }
}
