//! How a person is addressed: as a woman or a man, read from what the directory holds
//! (the honorific, else a Russian or Kazakh patronymic or family name). Letters choose
//! «Уважаемая»/«Уважаемый» by it, the press note «выступила»/«выступил».

use super::Person;
use crate::text::Lang;

/// Whether the person is addressed as a woman: read from the honorific (г-жа, ханым, 女士,
/// Ms, Mrs, Madam), else from a Russian or Kazakh patronymic or family name.
pub fn as_woman(p: &Person) -> bool {
    let honorific: Vec<String> = p.honorific.0.values().map(|h| h.to_lowercase()).collect();
    let by_title = [
        "г-жа",
        "госпожа",
        "ханым",
        "女士",
        "夫人",
        "ms",
        "mrs",
        "madam",
    ];
    let masculine = ["г-н", "господин", "мырза", "先生", "mr", "sir"];
    for h in &honorific {
        let words: Vec<&str> = h
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .collect();
        if by_title
            .iter()
            .any(|f| words.contains(f) || h.contains(f) && !f.is_ascii())
        {
            return true;
        }
        if masculine
            .iter()
            .any(|m| words.contains(m) || h.contains(m) && !m.is_ascii())
        {
            return false;
        }
    }
    p.names
        .iter()
        .filter(|n| matches!(n.lang, Lang::Ru | Lang::Kk))
        .any(|n| {
            let patronymic = n.patronymic.to_lowercase();
            let family = n.family.to_lowercase();
            ["вна", "кызы", "қызы"]
                .iter()
                .any(|e| patronymic.ends_with(e))
                || (patronymic.is_empty()
                    && ["ова", "ева", "ёва", "ина", "ская", "цкая"]
                        .iter()
                        .any(|e| family.ends_with(e)))
        })
}
