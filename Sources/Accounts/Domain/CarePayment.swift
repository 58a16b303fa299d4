/// One reimbursement of care (a line of the relevé mensuel).
///
/// `reimbursed` is the amount before deductions (base × rate); the participation forfaitaire
/// (CSS art. L160-13 II) and the franchise médicale (art. L160-13 III) are deducted from it, so
/// the amount actually paid is `net = reimbursed − participationForfaitaire − franchise`.
public struct CarePayment: Hashable, Sendable {
    /// The family of benefit, used for the yearly totals.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case consultation, pharmacie, biologie, radiologie, kinesitherapie, soinsInfirmiers
        case dentaire, optique, hospitalisation, transport
    }

    /// Who received the money: the insured, or the professional in tiers payant.
    public enum Payee: String, Sendable, Hashable {
        case assure, professionnel
    }

    public let beneficiaryRank: Int
    public let careDate: Day
    public let kind: Kind
    /// Nature of the act as printed (« Consultation médecin généraliste »).
    public let act: String
    public let professional: String
    /// What the patient paid (dépense).
    public let amountPaid: Money
    public let base: Money
    public let rate: Rate
    public let reimbursed: Money
    public let participationForfaitaire: Money
    public let franchise: Money
    public let paymentDate: Day
    public let paidTo: Payee
    /// Dossier (liquidation) reference printed next to the payment.
    public let dossier: String

    public init(beneficiaryRank: Int, careDate: Day, kind: Kind, act: String, professional: String,
                amountPaid: Money, base: Money, rate: Rate, reimbursed: Money,
                participationForfaitaire: Money = .zero, franchise: Money = .zero,
                paymentDate: Day, paidTo: Payee, dossier: String) throws(AccountsError) {
        self.amountPaid = try amountPaid.nonNegative("carePayment.amountPaid")
        self.base = try base.nonNegative("carePayment.base")
        self.reimbursed = try reimbursed.nonNegative("carePayment.reimbursed")
        self.participationForfaitaire = try participationForfaitaire.nonNegative("carePayment.participationForfaitaire")
        self.franchise = try franchise.nonNegative("carePayment.franchise")
        guard (0...10_000).contains(rate.basisPoints) else {
            throw AccountsError(.invalidValue, field: "carePayment.rate", reason: "taux hors de 0…100 % : \(rate)")
        }
        guard careDate <= paymentDate else {
            throw AccountsError(.invalidValue, field: "carePayment.paymentDate",
                                reason: "paiement (\(paymentDate)) antérieur aux soins (\(careDate))")
        }
        guard participationForfaitaire + franchise <= reimbursed else {
            throw AccountsError(.inconsistentAmounts, field: "carePayment.franchise",
                                reason: "déductions (\(participationForfaitaire + franchise)) supérieures au remboursement (\(reimbursed))")
        }
        guard !dossier.isEmpty else {
            throw AccountsError(.invalidValue, field: "carePayment.dossier", reason: "référence de dossier vide")
        }
        self.beneficiaryRank = beneficiaryRank
        self.careDate = careDate
        self.kind = kind
        self.act = act
        self.professional = professional
        self.rate = rate
        self.paymentDate = paymentDate
        self.paidTo = paidTo
        self.dossier = dossier
    }

    /// The amount actually paid: reimbursement minus participation forfaitaire and franchise.
    public var net: Money { reimbursed - participationForfaitaire - franchise }
}
