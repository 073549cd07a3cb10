//! Built-in word lists, prior knowledge beside what the annotator teaches: place names (ISO
//! 3166 countries and subdivisions, GeoNames cities of 300,000 people or more; GeoNames data
//! CC BY 4.0) and the 1990 US Census's most frequent first names and surnames. Written by
//! `.ci/lexicon.py`. They are features, not answers: the model learns from the annotations how
//! much each is worth, per label (a "Washington" may be a Person).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::gazetteer::lower_joined;
use super::sentences::sentences;

/// The lists, as the tagger's tokens see them (lower case, words joined by one space).
pub struct Lexicon {
    /// Place names.
    pub places: HashSet<String>,
    /// The longest place name, in tokens.
    pub longest_place: usize,
    /// First names.
    pub first_names: HashSet<String>,
    /// Surnames.
    pub surnames: HashSet<String>,
    /// Words that stand before a person's name: titles, offices, roles.
    pub titles: HashSet<String>,
    /// Words that name kinds of events ("Cup", "Olympics", "War").
    pub events: HashSet<&'static str>,
}

/// Words that name kinds of events, lower case.
const EVENTS: &str = "cup games olympics olympic paralympics paralympic war wars festival
championship championships tournament summit conference expo election elections revolution
crisis hajj series open marathon prix award awards prize ceremony congress convention fair
week day protest protests riots massacre battle attack attacks earthquake hurricane cyclone
typhoon storm flood disaster crash collapse stampede league derby rally concert show";

/// Titles, offices and roles written before a name ("Prime Minister Rishi Sunak").
const TITLES: &str = "mr mrs ms miss dr prof professor sir lady lord dame president minister
secretary ambassador senator sen governor gov mayor king queen prince princess judge justice
general gen captain capt colonel col lieutenant sergeant chancellor chairman chairwoman chair
ceo director rep representative congressman congresswoman pope bishop cardinal rev reverend
father sister brother saint st coach officer commissioner councillor councilor spokesman
spokeswoman spokesperson campaigner barrister lawyer attorney founder actor actress singer
author writer player striker goalkeeper midfielder defender manager premier chief leader
candidate mp vice deputy emperor sheikh ayatollah imam rabbi detective inspector agent
correspondent reporter editor producer artist poet biologist scientist researcher economist
analyst activist dj host interviewee student teacher magician comedian prosecutor";

fn entries(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines().filter(|l| !l.is_empty()).map(|line| {
        let words: Vec<String> = sentences(line, &[])
            .into_iter()
            .flat_map(|s| s.words)
            .collect();
        lower_joined(&words)
    })
}

/// The built-in lists, read once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let places: HashSet<String> = entries(include_str!("lexicon/places.txt")).collect();
        Lexicon {
            longest_place: places
                .iter()
                .map(|p| p.split(' ').count())
                .max()
                .unwrap_or(0),
            places,
            first_names: entries(include_str!("lexicon/first_names.txt")).collect(),
            surnames: entries(include_str!("lexicon/surnames.txt")).collect(),
            titles: TITLES.split_whitespace().map(str::to_owned).collect(),
            events: EVENTS.split_whitespace().collect(),
        }
    })
}
