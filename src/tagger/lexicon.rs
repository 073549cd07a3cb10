//! Built-in word lists, prior knowledge beside what the annotator teaches: place names (ISO
//! 3166 countries and subdivisions, GeoNames cities of 300,000 people or more; GeoNames data
//! CC BY 4.0) and the 1990 US Census's most frequent first names and surnames, written by
//! `.ci/lexicon.py`; and short lists written here (titles, event words, months and days,
//! words for peoples). They are features, not answers: the model learns from the annotations how
//! much each is worth, per label (a "Washington" may be a Person).

use std::sync::OnceLock;

use super::gazetteer::{beginnings, lower_joined};
use super::hashing::{StaticWords, WordSet};
use super::sentences::sentences;

/// The lists, as the tagger's tokens see them (lower case, words joined by one space).
pub struct Lexicon {
    /// Place names.
    pub places: WordSet,
    /// The place names' proper beginnings ("new" of "new york").
    pub place_beginnings: WordSet,
    /// The longest place name, in tokens.
    pub longest_place: usize,
    /// First names.
    pub first_names: WordSet,
    /// Surnames.
    pub surnames: WordSet,
    /// Words that stand before a person's name: titles, offices, roles.
    pub titles: WordSet,
    /// Words that name kinds of events ("Cup", "Olympics", "War").
    pub events: StaticWords,
    /// Months and days of the week.
    pub calendar: StaticWords,
    /// Words for the people of a country or region.
    pub demonyms: StaticWords,
}

/// Words that name kinds of events, lower case.
const EVENTS: &str = "cup games olympics olympic paralympics paralympic war wars festival
championship championships tournament summit conference expo election elections revolution
crisis hajj series open marathon prix award awards prize ceremony congress convention fair
week day protest protests riots massacre battle attack attacks earthquake hurricane cyclone
typhoon storm flood disaster crash collapse stampede league derby rally concert show";

/// Months and days of the week, lower case: capitalized, yet never a place or a person.
const CALENDAR: &str = "january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday";

/// Words for the people of a country or region, lower case ("Afghan", "Indonesian"): they
/// qualify names ("the Afghan ambassador") and are seldom names themselves.
const DEMONYMS: &str = "afghan albanian algerian american angolan argentine argentinian
armenian asian australian austrian azerbaijani bahraini bangladeshi belarusian belgian
bolivian bosnian brazilian british bulgarian burmese cambodian cameroonian canadian chilean
chinese colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian
emirati english eritrean estonian ethiopian european filipino finnish french georgian german
ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian
iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar
kurdish kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian macedonian malagasy
malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian
nepalese nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish
senegalese serbian singaporean slovak slovenian somali spanish lankan sudanese swedish
swiss syrian taiwanese tajik tanzanian thai tibetan tunisian turkish turkmen ugandan ukrainian
uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean african arab arabic
latin scandinavian balkan caribbean hispanic soviet western eastern northern southern
rohingya muslim christian jewish catholic hindu buddhist sikh islamic";

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
        let places: WordSet = entries(include_str!("lexicon/places.txt")).collect();
        Lexicon {
            longest_place: places
                .iter()
                .map(|p| p.split(' ').count())
                .max()
                .unwrap_or(0),
            place_beginnings: beginnings(places.iter().map(String::as_str)).collect(),
            places,
            first_names: entries(include_str!("lexicon/first_names.txt")).collect(),
            surnames: entries(include_str!("lexicon/surnames.txt")).collect(),
            titles: TITLES.split_whitespace().map(str::to_owned).collect(),
            events: EVENTS.split_whitespace().collect(),
            calendar: CALENDAR.split_whitespace().collect(),
            demonyms: DEMONYMS.split_whitespace().collect(),
        }
    })
}
