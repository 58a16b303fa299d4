/// The caisses of the synthetic population, each with the towns its insured live in.
///
/// Code organisme = régime (01, général) + caisse (3) + centre (4). Corsica's two CPAMs are
/// included so that NIRs born in 2A/2B appear.
enum SeedCaisses {
    struct Entry {
        let code: String
        let name: String
        let street: String
        let town: (postalCode: String, city: String)
        let towns: [(postalCode: String, city: String)]
        /// Département digits used in NIRs of people born there.
        let departement: String
    }

    static let entries: [Entry] = [
        Entry(code: "017510000", name: "CPAM de Paris", street: "21 rue Georges-Auric",
              town: ("75948", "Paris Cedex 19"), towns: [("75011", "Paris"), ("75018", "Paris"), ("75020", "Paris")], departement: "75"),
        Entry(code: "011310000", name: "CPAM des Bouches-du-Rhône", street: "8 rue Jules-Moulet",
              town: ("13281", "Marseille Cedex 06"), towns: [("13005", "Marseille"), ("13100", "Aix-en-Provence"), ("13400", "Aubagne")], departement: "13"),
        Entry(code: "016910000", name: "CPAM du Rhône", street: "276 cours Émile-Zola",
              town: ("69100", "Villeurbanne"), towns: [("69003", "Lyon"), ("69100", "Villeurbanne"), ("69200", "Vénissieux")], departement: "69"),
        Entry(code: "015910000", name: "CPAM de Lille-Douai", street: "2 rue d'Iéna",
              town: ("59000", "Lille"), towns: [("59000", "Lille"), ("59100", "Roubaix"), ("59500", "Douai")], departement: "59"),
        Entry(code: "013310000", name: "CPAM de la Gironde", street: "Place de l'Europe",
              town: ("33085", "Bordeaux Cedex"), towns: [("33000", "Bordeaux"), ("33700", "Mérignac"), ("33600", "Pessac")], departement: "33"),
        Entry(code: "016710000", name: "CPAM du Bas-Rhin", street: "16 rue de Lausanne",
              town: ("67000", "Strasbourg"), towns: [("67000", "Strasbourg"), ("67500", "Haguenau"), ("67600", "Sélestat")], departement: "67"),
        Entry(code: "012010000", name: "CPAM de la Corse-du-Sud", street: "Boulevard Abbatucci",
              town: ("20000", "Ajaccio"), towns: [("20000", "Ajaccio"), ("20137", "Porto-Vecchio"), ("20100", "Sartène")], departement: "2A"),
        Entry(code: "012020000", name: "CPAM de la Haute-Corse", street: "Route Royale",
              town: ("20200", "Bastia"), towns: [("20200", "Bastia"), ("20250", "Corte"), ("20260", "Calvi")], departement: "2B"),
        Entry(code: "014410000", name: "CPAM de Loire-Atlantique", street: "9 rue Gaëtan-Rondeau",
              town: ("44000", "Nantes"), towns: [("44000", "Nantes"), ("44600", "Saint-Nazaire"), ("44400", "Rezé")], departement: "44"),
        Entry(code: "019310000", name: "CPAM de la Seine-Saint-Denis", street: "195 avenue Paul-Vaillant-Couturier",
              town: ("93000", "Bobigny"), towns: [("93200", "Saint-Denis"), ("93100", "Montreuil"), ("93300", "Aubervilliers")], departement: "93"),
        Entry(code: "019740000", name: "CGSS de La Réunion", street: "4 boulevard Doret",
              town: ("97400", "Saint-Denis"), towns: [("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97430", "Le Tampon")], departement: "97"),
    ]

    static func caisses() throws -> [Caisse] {
        try entries.map { e in
            try Caisse(code: e.code, name: e.name,
                       address: PostalAddress(street: e.street, postalCode: e.town.postalCode, city: e.town.city))
        }
    }
}
