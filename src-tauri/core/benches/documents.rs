//! Render times of the documents: `cargo bench -p club-core --bench documents`.
//! The agenda of the demo's 8th session, and its minutes grown to 20 pages.

use chrono::{TimeZone, Utc};
use club_core::documents::fonts::Fonts;
use club_core::documents::{self, DocumentKind, DocumentOptions, Format, Layout, Paper};
use club_core::planning::agenda;
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::{minutes, Db, FixedClock, Lang, Text};

use criterion::{criterion_group, criterion_main, Criterion};

const PARAGRAPH_RU: &str = "Участники обсудили транспортно-логистическую связанность, **энергетику** и *гуманитарные* обмены; Казахстан и Китай укрепляют сотрудничество в рамках инициативы «Пояс и путь», а эксперты предложили регулярный диалог.";
const PARAGRAPH_ZH: &str = "与会者讨论了交通物流互联互通、**能源**和人文交流；哈萨克斯坦与中国在“一带一路”框架下加强合作，专家建议建立定期对话机制。";

fn setup(pages_wanted: usize, fonts: &Fonts) -> (tempfile::TempDir, Db, FixedClock, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path().join("bench.sqlite3")).unwrap();
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 26, 2, 0, 0).unwrap());
    demo::load(&db, &clock).unwrap();
    let s = sessions::find_by_number(&db, &clock, 8).unwrap();
    let items = agenda::get(&db, &s.id).unwrap().items;
    let options = options();
    // Grow every item's notes until the minutes fill the pages wanted.
    let mut paragraphs = 1;
    loop {
        let ru = vec![PARAGRAPH_RU; paragraphs].join("\n\n");
        let zh = vec![PARAGRAPH_ZH; paragraphs].join("\n\n");
        let notes = Text::new().with(Lang::Ru, &ru).with(Lang::Zh, &zh);
        for i in &items {
            minutes::set_item(&db, &clock, &i.id, &notes, &Text::new()).unwrap();
        }
        let data = documents::data(&db, &clock, &s.id, DocumentKind::Minutes, &options).unwrap();
        let pages = documents::layout(DocumentKind::Minutes, &data, fonts)
            .unwrap()
            .pages()
            .len();
        if pages >= pages_wanted {
            eprintln!("minutes: {pages} pages ({paragraphs} paragraphs per item and language)");
            break;
        }
        paragraphs += 1;
    }
    (dir, db, clock, s.id)
}

fn options() -> DocumentOptions {
    DocumentOptions {
        langs: vec![Lang::Ru, Lang::Zh],
        layout: Layout::Stacked,
        paper: Paper::A4,
    }
}

fn bench(c: &mut Criterion) {
    let fonts = Fonts::load(&Fonts::default_dir()).unwrap();
    let (_dir, db, clock, session) = setup(20, &fonts);
    let o = options();
    let mut g = c.benchmark_group("documents");
    g.sample_size(20);
    g.bench_function("agenda pdf (ru+zh)", |b| {
        b.iter(|| {
            documents::export(
                &db,
                &clock,
                &fonts,
                &session,
                DocumentKind::Agenda,
                Format::Pdf,
                &o,
            )
            .unwrap()
        })
    });
    g.bench_function("minutes pdf, 20 pages (ru+zh)", |b| {
        b.iter(|| {
            documents::export(
                &db,
                &clock,
                &fonts,
                &session,
                DocumentKind::Minutes,
                Format::Pdf,
                &o,
            )
            .unwrap()
        })
    });
    g.bench_function("agenda docx (ru+zh)", |b| {
        b.iter(|| {
            documents::export(
                &db,
                &clock,
                &fonts,
                &session,
                DocumentKind::Agenda,
                Format::Docx,
                &o,
            )
            .unwrap()
        })
    });
    g.bench_function("minutes docx, 20 pages (ru+zh)", |b| {
        b.iter(|| {
            documents::export(
                &db,
                &clock,
                &fonts,
                &session,
                DocumentKind::Minutes,
                Format::Docx,
                &o,
            )
            .unwrap()
        })
    });
    g.bench_function("agenda preview svg (ru+zh)", |b| {
        b.iter(|| {
            documents::preview(&db, &clock, &fonts, &session, DocumentKind::Agenda, &o).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
