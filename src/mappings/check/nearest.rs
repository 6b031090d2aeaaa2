//! The nearest valid choice to a mistyped code, for "did you mean …?".

fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The choice `(code, name)` whose code (or name) is closest to `wrong`, if any is close enough
/// to be a likely typo: at most a third of the longer text changed, and at least 1 character.
pub fn nearest<'a>(wrong: &str, choices: &[(&'a str, &'a str)]) -> Option<(&'a str, &'a str)> {
    let wrong = wrong.to_lowercase();
    choices
        .iter()
        .map(|&(code, name)| {
            let by_code = distance(&wrong, &code.to_lowercase());
            let by_name = if name.is_empty() { usize::MAX } else { distance(&wrong, &name.to_lowercase()) };
            let (d, against) = if by_code <= by_name { (by_code, code) } else { (by_name, name) };
            (d, against.chars().count().max(wrong.chars().count()), code, name)
        })
        .filter(|&(d, len, _, _)| d > 0 && d * 3 <= len.max(3))
        .min_by_key(|&(d, _, _, _)| d)
        .map(|(_, _, code, name)| (code, name))
}

#[cfg(test)]
mod tests {
    use super::{distance, nearest};

    #[test]
    fn typos_find_their_code() {
        assert_eq!(distance("kitten", "sitting"), 3);
        let groups = [("02.05.01", "Tuet ja avustukset"), ("02.05.10", "Muut"), ("08.01.04", "Pysäköinti")];
        assert_eq!(nearest("02.05.1", &groups), Some(("02.05.01", "Tuet ja avustukset")));
        assert_eq!(nearest("tuet ja avustuks", &groups), Some(("02.05.01", "Tuet ja avustukset")));
        assert_eq!(nearest("99.99.99", &groups), None);
        assert_eq!(
            nearest("HAKEMSU", &[("HAKEMUS", "Hakemus"), ("HAKLIITE", "Hakemuksen liite")]),
            Some(("HAKEMUS", "Hakemus"))
        );
    }
}
