//! The import of a 10,000-row contacts CSV: the dry run the preview shows, and the
//! import itself.

use std::time::Instant;

use club_core::exchange::import::{self, DuplicatePolicy, ImportRequest, ProblemPolicy};
use club_core::{Db, SystemClock};

use super::{row, Row};

/// New people as a contacts CSV in the directory's own export format, every name a
/// different one (syllables numbered through), in Cyrillic, Chinese and Latin.
fn contacts_csv(rows: usize) -> String {
    const SYL: [(&str, &str, &str); 20] = [
        ("ба", "巴", "ba"),
        ("ке", "克", "ke"),
        ("ну", "努", "nu"),
        ("ра", "拉", "ra"),
        ("сы", "瑟", "sy"),
        ("та", "塔", "ta"),
        ("жа", "扎", "zha"),
        ("қа", "卡", "qa"),
        ("мұ", "穆", "mu"),
        ("лі", "利", "li"),
        ("де", "德", "de"),
        ("го", "戈", "go"),
        ("ем", "叶", "em"),
        ("ар", "阿", "ar"),
        ("ош", "奥", "osh"),
        ("үс", "于", "us"),
        ("ин", "因", "in"),
        ("ай", "艾", "ai"),
        ("ер", "尔", "er"),
        ("ол", "沃", "ol"),
    ];
    let word = |mut n: usize, syllables: usize| {
        let (mut cyr, mut zh, mut lat) = (String::new(), String::new(), String::new());
        for _ in 0..syllables {
            let (c, z, l) = SYL[n % SYL.len()];
            cyr.push_str(c);
            zh.push_str(z);
            lat.push_str(l);
            n /= SYL.len();
        }
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        (cap(&cyr), zh, cap(&lat))
    };
    let mut out = String::from(
        "family.ru;given.ru;family.zh;given.zh;family.en;given.en;email;phone;country\n",
    );
    for i in 0..rows {
        let (fr, fz, fe) = word(i, 3);
        let (gr, gz, ge) = word(i / 8000 + 7, 2);
        out.push_str(&format!(
            "{fr}ов;{gr};{fz};{gz};{fe}ov;{ge};contact{i}@example.kz;+7 701 {i:07};KZ\n"
        ));
    }
    out
}

pub fn rows(db: &Db, clock: &SystemClock, rows: &mut Vec<Row>) -> anyhow::Result<()> {
    let req = ImportRequest {
        file_name: "contacts.csv".into(),
        bytes: contacts_csv(10_000).into_bytes(),
        mapping: Vec::new(),
        on_duplicate: DuplicatePolicy::Create,
        on_problem: ProblemPolicy::Refuse,
    };
    let t = Instant::now();
    let dry = import::dry_run(db, &req)?;
    let dry_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let done = import::commit(db, clock, &req)?;
    let commit_ms = t.elapsed().as_secs_f64() * 1000.0;
    rows.push(row(
        "import",
        "10,000-row CSV: preview (dry run)",
        dry_ms,
        None,
        "ms",
        "< 1 s",
        format!(
            "{} rows read, {} flagged as possible duplicates",
            dry.counts.rows, dry.counts.duplicates
        ),
    ));
    rows.push(row(
        "import",
        "10,000-row CSV: import",
        commit_ms,
        None,
        "ms",
        "< 1 s",
        format!("{} people created in one transaction", done.counts.created),
    ));
    Ok(())
}
