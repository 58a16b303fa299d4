/// One monthly payment of a pension d'invalidité.
public struct InvalidityPayment: Hashable, Sendable {
    /// The month the pension is due for.
    public let month: YearMonth
    public let paymentDate: Day
    /// Catégorie 1, 2 or 3 (CSS art. L341-4).
    public let category: Int
    public let gross: Money
    public let net: Money
    /// Montant net imposable, as declared to the tax administration.
    public let taxable: Money

    public init(month: YearMonth, paymentDate: Day, category: Int, gross: Money, net: Money, taxable: Money) throws(AccountsError) {
        guard (1...3).contains(category) else {
            throw AccountsError(.invalidValue, field: "invalidityPayment.category", reason: "catégorie hors de 1…3 : \(category)")
        }
        self.gross = try gross.nonNegative("invalidityPayment.gross")
        self.net = try net.nonNegative("invalidityPayment.net")
        self.taxable = try taxable.nonNegative("invalidityPayment.taxable")
        guard net <= gross, taxable <= gross else {
            throw AccountsError(.inconsistentAmounts, field: "invalidityPayment.net", reason: "net ou imposable supérieur au brut")
        }
        self.month = month
        self.paymentDate = paymentDate
        self.category = category
    }
}
