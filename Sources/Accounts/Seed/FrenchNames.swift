/// Name and place lists for the synthetic population. They exercise every accent, the cedilla,
/// the diaeresis, hyphens and apostrophes, and a few Greek-, Slavic- and Romanian-origin names
/// spelled in Latin letters, because those are what break fonts, sorting and text layout.
package enum FrenchNames {
    static let female = [
        "Élodie", "Bénédicte", "Anaïs", "Maëlle", "Zoé", "Françoise", "Éloïse", "Noëlle", "Hélène",
        "Léa", "Chloé", "Inès", "Céline", "Gaëlle", "Mélanie", "Agnès", "Clémence", "Anne-Sophie",
        "Marie-Thérèse", "Joséphine", "Béatrice", "Océane", "Camille", "Laëtitia", "Sévérine",
        "Aurélie", "Ophélie", "Capucine", "Héloïse", "Salomé", "Danièle", "Geneviève", "Loïs",
        "Svetlana", "Anastasia", "Eleni", "Ioana", "Zoë", "Chantal", "Nathalie", "Sandrine",
    ]
    static let male = [
        "Jérôme", "Hervé", "Noël", "Éric", "Loïc", "Gaël", "Jean-François", "François", "Raphaël",
        "Mathéo", "Benoît", "Jérémie", "Clément", "Théo", "Joël", "Anaël", "Stéphane", "Frédéric",
        "André", "René", "Grégoire", "Cédric", "Aimé", "Honoré", "Pierre-Étienne", "Hugues",
        "Dimitri", "Nikolaos", "Konstantin", "Yannick", "Thaïs", "Mickaël", "Ismaël", "Noé",
        "Michel", "Julien", "Nicolas", "Sébastien", "Gérard", "Lucas",
    ]
    static let firstNames = female + male
    static let last = [
        "Dupré-Lefèvre", "Lemaître", "Çà", "d'Artagnan", "Lefèvre", "Dupré", "Bénard", "Gauthier",
        "Müller", "Leclère", "Fournié", "Hébert", "Bréhat", "Lamothe-Fénelon", "D'Aboville",
        "de La Fontaine", "Nguyễn", "Besançon", "Giroud", "Mézières", "Noël", "Cœurdevey",
        "Lætitia-Rousseau", "Papadopoulos", "Nikolaïdis", "Ivanov", "Chostakovitch", "Popescu",
        "Dimitrov", "Kowalczyk", "Garçon", "Faÿ", "Le Bihan", "L'Hôpital", "Martin", "Bernard",
        "Petit", "Durand", "Moreau", "Lefebvre", "Girard", "Rousseau", "Ménard", "Guérin",
        "Rivière", "Château", "Boëlle", "Hénaff", "Ollivier", "Saint-Exupéry",
    ]
    static let streets = [
        "rue des Lilas", "avenue Jean-Jaurès", "rue de l'Église", "boulevard du Général-de-Gaulle",
        "rue Émile-Zola", "allée des Écoles", "impasse des Pêcheurs", "chemin de la Forêt",
        "place de l'Hôtel-de-Ville", "rue Saint-Exupéry", "quai d'Orléans", "rue des Frères-Lumière",
        "avenue de la République", "rue Pasteur", "cours Gambetta", "rue du Château-d'Eau",
    ]
    static let mutuelles = [
        "Mutuelle des Cévennes", "Prévoyance Sainte-Anne", "Mutuelle Île-de-France Solidarité",
        "Entraide des Métiers de l'Éducation", "Mutuelle du Littoral Atlantique",
    ]
    static let emailDomains = ["exemple.fr", "courriel.exemple", "exemple.org"]

    /// Folds accents and drops what an e-mail local part cannot hold (é → e, œ → oe, ç → c).
    package static func ascii(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": out.append(scalar)
            case "à", "â", "ä": out.append("a")
            case "ç": out.append("c")
            case "é", "è", "ê", "ë", "ễ": out.append("e")
            case "î", "ï": out.append("i")
            case "ô", "ö", "ø": out.append("o")
            case "ù", "û", "ü": out.append("u")
            case "ÿ": out.append("y")
            case "œ": out.append("o"); out.append("e")
            case "æ": out.append("a"); out.append("e")
            default: break  // apostrophes, spaces, combining marks
            }
        }
        return String(out)
    }
}
