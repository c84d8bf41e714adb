//! The agenda and the minutes as Word documents (docx-rs), built from the same data as
//! the PDFs. Fonts are mapped per script as Word chooses them: Latin and Cyrillic
//! (Kazakh letters included) take the ASCII/hAnsi font, Noto Sans; Chinese takes the
//! East Asian font, Noto Sans CJK SC, and runs in Chinese carry the eastAsia hint.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Table, TableCell, TableRow, WidthType,
};

use super::data::{AgendaDoc, Frame, Rich};
use super::minutes_doc::MinutesDoc;
use super::press_doc::PressDoc;
use super::{Layout, Paper};
use crate::error::{Error, Result};
use crate::minutes::text::{Block, Span};
use crate::text::{Lang, Text};

const LATIN: &str = "Noto Sans";
const CJK: &str = "Noto Sans CJK SC";

fn run(text: &str, lang: Lang) -> Run {
    let r = Run::new().add_text(text);
    if lang == Lang::Zh {
        r.fonts(RunFonts::new().east_asia(CJK).hint("eastAsia"))
    } else {
        r
    }
}

/// The value in `lang`, or as written when it has none in that language.
fn value(t: &Text, lang: Lang) -> &str {
    t.get(lang).unwrap_or_else(|| t.best(lang))
}

/// One paragraph of a value in each chosen language (stacked), or joined with " / ".
fn joined(frame: &Frame, t: &Text, sep: &str) -> Vec<(Lang, String)> {
    let present: Vec<(Lang, String)> = frame
        .langs
        .iter()
        .filter_map(|l| t.get(*l).map(|s| (*l, s.to_string())))
        .collect();
    if present.is_empty() && !t.is_empty() {
        return vec![(frame.langs[0], t.best(frame.langs[0]).to_string())];
    }
    if sep.is_empty() {
        present
    } else {
        let mut out = Vec::new();
        for (i, (l, s)) in present.into_iter().enumerate() {
            out.push((l, if i > 0 { format!("{sep}{s}") } else { s }));
        }
        out
    }
}

fn para_of(parts: Vec<(Lang, String)>) -> Paragraph {
    styled(parts, |r| r)
}

/// A paragraph of runs, each styled (Word's paragraph-level bold or size would only touch
/// the paragraph mark, not the text).
fn styled(parts: Vec<(Lang, String)>, style: impl Fn(Run) -> Run) -> Paragraph {
    parts
        .into_iter()
        .fold(Paragraph::new(), |p, (l, s)| p.add_run(style(run(&s, l))))
}

/// A heading: bold, larger, space above, kept with what follows.
fn heading_para(parts: Vec<(Lang, String)>) -> Paragraph {
    styled(parts, |r| r.bold().size(24))
        .line_spacing(LineSpacing::new().before(240).after(80))
        .keep_next(true)
}

fn spans_runs(mut p: Paragraph, spans: &[Span], lang: Lang) -> Paragraph {
    for s in spans {
        let mut r = run(&s.text, lang);
        if s.bold {
            r = r.bold();
        }
        if s.italic {
            r = r.italic();
        }
        p = p.add_run(r);
    }
    p
}

/// Minutes text as Word paragraphs: lists become indented items with their marks.
/// `lead` (a number, a speaker's name) opens the first paragraph.
fn rich_paragraphs(blocks: &[Block], lang: Lang, lead: Option<Run>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut lead = lead;
    for b in blocks {
        match b {
            Block::Paragraph { lines } => {
                let mut p = Paragraph::new();
                if let Some(r) = lead.take() {
                    p = p.add_run(r);
                }
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        p = p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
                    }
                    p = spans_runs(p, line, lang);
                }
                out.push(p);
            }
            Block::Bullets { items } | Block::Numbered { items } => {
                let numbered = matches!(b, Block::Numbered { .. });
                for (i, item) in items.iter().enumerate() {
                    let mark = if numbered {
                        format!("{}.\t", i + 1)
                    } else {
                        "•\t".to_string()
                    };
                    let mut p = Paragraph::new().indent(
                        Some(567),
                        Some(docx_rs::SpecialIndentType::Hanging(340)),
                        None,
                        None,
                    );
                    if let Some(r) = lead.take() {
                        out.push(Paragraph::new().add_run(r));
                    }
                    p = p.add_run(Run::new().add_text(mark));
                    out.push(spans_runs(p, item, lang));
                }
            }
        }
    }
    out
}

fn rich_in(r: &Rich, lang: Lang) -> Vec<Paragraph> {
    rich_led(r, lang, None)
}

fn rich_led(r: &Rich, lang: Lang, lead: Option<Run>) -> Vec<Paragraph> {
    r.get(&lang)
        .map(|b| rich_paragraphs(b, lang, lead))
        .unwrap_or_default()
}

fn cell(paragraphs: Vec<Paragraph>) -> TableCell {
    let paragraphs = if paragraphs.is_empty() {
        vec![Paragraph::new()]
    } else {
        paragraphs
    };
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
}

fn label(frame: &Frame, t: &Text) -> Paragraph {
    styled(joined(frame, t, " / "), |r| r.bold())
}

/// A new document with the page, fonts, header and footer (page x of y) every one shares.
fn base(frame: &Frame) -> Docx {
    let (w, h) = match frame.paper {
        Paper::A4 => (11906, 16838),
        Paper::Letter => (12240, 15840),
    };
    let header = Header::new().add_paragraph(styled(
        joined(frame, &frame.club, " · ")
            .into_iter()
            .chain(std::iter::once((frame.langs[0], "  —  ".to_string())))
            .chain(joined(frame, &frame.session.ordinal, " · "))
            .collect(),
        |r| r.size(16).color("595959"),
    ));
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" / ").size(16))
            .add_num_pages(NumPages::new()),
    );
    Docx::new()
        .page_size(w, h)
        .page_margin(
            PageMargin::new()
                .top(1361)
                .bottom(1247)
                .left(1134)
                .right(1134),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(LATIN)
                .hi_ansi(LATIN)
                .cs(LATIN)
                .east_asia(CJK),
        )
        .default_size(20)
        .header(header)
        .footer(footer)
}

fn title(mut docx: Docx, frame: &Frame) -> Docx {
    let s = &frame.session;
    docx = docx.add_paragraph(
        styled(joined(frame, &s.ordinal, " · "), |r| {
            r.size(22).color("595959")
        })
        .align(AlignmentType::Center),
    );
    for (l, t) in joined(frame, &s.title, "") {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(run(&t, l).bold().size(32))
                .align(AlignmentType::Center),
        );
    }
    docx = docx.add_paragraph(
        styled(joined(frame, &frame.heading, " · "), |r| r.size(24))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(120).after(60)),
    );
    for t in [&s.when, &s.venue] {
        docx = docx.add_paragraph(
            styled(joined(frame, t, " · "), |r| r.size(19)).align(AlignmentType::Center),
        );
    }
    docx.add_paragraph(Paragraph::new())
}

fn pack(docx: Docx) -> Result<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| Error::Io(std::io::Error::other(format!("DOCX packing failed: {e}"))))?;
    Ok(out.into_inner())
}

fn side(frame: &Frame) -> bool {
    frame.layout == Layout::Side && frame.langs.len() > 1
}

pub fn agenda(doc: &AgendaDoc) -> Result<Vec<u8>> {
    let f = &doc.frame;
    let mut docx = title(base(f), f);
    if !f.session.theme.is_empty() {
        docx = docx.add_paragraph(
            label(f, &doc.labels["theme"])
                .add_run(Run::new().add_text(": "))
                .add_run(Run::new()),
        );
        docx = docx.add_paragraph(para_of(joined(f, &f.session.theme, " / ")));
    }
    let item_cell = |i: &super::data::AgendaRow, l: Lang| {
        let mut ps = Vec::new();
        if let Some(k) = i.kind.get(l) {
            ps.push(Paragraph::new().add_run(run(k, l).size(16).color("595959")));
        }
        ps.push(Paragraph::new().add_run(run(value(&i.title, l), l).bold()));
        if let Some(d) = i.description.get(l) {
            ps.push(Paragraph::new().add_run(run(d, l).size(18)));
        }
        for p in &i.people {
            ps.push(
                Paragraph::new().add_run(
                    run(&format!("{} — {}", value(&p.name, l), value(&p.role, l)), l)
                        .italic()
                        .size(18),
                ),
            );
        }
        ps
    };
    let columns = if side(f) { f.langs.len() } else { 1 };
    let mut rows = vec![TableRow::new(
        std::iter::once(cell(vec![label(f, &doc.labels["time"])]))
            .chain(if side(f) {
                f.langs
                    .iter()
                    .map(|l| {
                        cell(vec![Paragraph::new()
                            .add_run(run(value(&doc.labels["item"], *l), *l))
                            .bold()])
                    })
                    .collect::<Vec<_>>()
            } else {
                vec![cell(vec![label(f, &doc.labels["item"])])]
            })
            .collect(),
    )];
    for i in &doc.items {
        let time =
            cell(vec![Paragraph::new().add_run(
                Run::new().add_text(format!("{}–{}", i.start, i.end)),
            )]);
        let rest: Vec<TableCell> = if side(f) {
            f.langs.iter().map(|l| cell(item_cell(i, *l))).collect()
        } else {
            vec![cell(
                f.langs.iter().flat_map(|l| item_cell(i, *l)).collect(),
            )]
        };
        rows.push(TableRow::new(std::iter::once(time).chain(rest).collect()));
    }
    let width = 9638 - 1500;
    let mut grid = vec![1500];
    grid.extend(std::iter::repeat_n(width / columns, columns));
    docx = docx.add_table(Table::new(rows).set_grid(grid).width(9638, WidthType::Dxa));
    docx = docx.add_paragraph(Paragraph::new());
    docx = docx.add_paragraph(styled(joined(f, &doc.labels["planned_end"], " · "), |r| {
        r.size(18).color("595959")
    }));
    pack(docx)
}

pub fn minutes(doc: &MinutesDoc) -> Result<Vec<u8>> {
    let f = &doc.frame;
    let mut docx = title(base(f), f);
    docx = docx.add_paragraph(
        styled(joined(f, &doc.state, " · "), |r| r.color("595959")).align(AlignmentType::Center),
    );
    let heading = |t: &Text| heading_para(joined(f, t, " / "));
    // Per language: in a two-column table side by side, or one language after the other.
    let per_lang = |mut docx: Docx, make: &dyn Fn(Lang) -> Vec<Paragraph>| -> Docx {
        if side(f) {
            let cells = f.langs.iter().map(|l| cell(make(*l))).collect();
            docx.add_table(
                Table::without_borders(vec![TableRow::new(cells)])
                    .set_grid(vec![9638 / f.langs.len(); f.langs.len()])
                    .width(9638, WidthType::Dxa),
            )
        } else {
            for l in &f.langs {
                for p in make(*l) {
                    docx = docx.add_paragraph(p);
                }
            }
            docx
        }
    };
    if f.langs.iter().any(|l| doc.summary.contains_key(l)) {
        docx = docx.add_paragraph(heading(&doc.labels["summary"]));
        docx = per_lang(docx, &|l| rich_in(&doc.summary, l));
    }
    docx = docx.add_paragraph(heading(&doc.labels["present"]));
    if doc.present.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text("—")));
    }
    for (n, p) in doc.present.iter().enumerate() {
        let mut para = Paragraph::new().add_run(Run::new().add_text(format!("{}. ", n + 1)));
        for (l, s) in joined(f, &p.name, " / ") {
            para = para.add_run(run(&s, l).bold());
        }
        if !p.position.is_empty() {
            para = para.add_run(Run::new().add_text(" — "));
            for (l, s) in joined(f, &p.position, " / ") {
                para = para.add_run(run(&s, l));
            }
        }
        docx = docx.add_paragraph(para);
    }
    for (key, names) in [("absent", &doc.absent), ("excused", &doc.excused)] {
        if !names.is_empty() {
            let mut para = label(f, &doc.labels[key]).add_run(Run::new().add_text(": "));
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    para = para.add_run(Run::new().add_text(", "));
                }
                for (l, s) in joined(f, n, " / ") {
                    para = para.add_run(run(&s, l));
                }
            }
            docx = docx.add_paragraph(para);
        }
    }
    for item in &doc.items {
        let mut parts = vec![(f.langs[0], format!("{}–{}  ", item.start, item.end))];
        parts.extend(joined(f, &item.title, " / "));
        docx = docx.add_paragraph(heading_para(parts));
        docx = per_lang(docx, &|l| {
            let mut ps = rich_in(&item.notes, l);
            if item.key_points.contains_key(&l) {
                ps.push(
                    Paragraph::new().add_run(run(value(&doc.labels["key_points"], l), l).bold()),
                );
                ps.extend(rich_in(&item.key_points, l));
            }
            for r in &item.remarks {
                let name = run(&format!("{}: ", value(&r.name, l)), l).bold();
                ps.extend(rich_led(&r.body, l, Some(name)));
            }
            if !item.decisions.is_empty() {
                ps.push(
                    Paragraph::new().add_run(run(value(&doc.labels["decisions"], l), l).bold()),
                );
                for (n, d) in item.decisions.iter().enumerate() {
                    let number = Run::new().add_text(format!("{}. ", n + 1));
                    ps.extend(rich_led(d, l, Some(number)));
                }
            }
            ps
        });
    }
    if !doc.followups.is_empty() {
        docx = docx.add_paragraph(heading(&doc.labels["followups"]));
        let head = ["task", "owner", "due", "status"];
        let mut rows = vec![TableRow::new(
            std::iter::once(cell(vec![Paragraph::new()
                .add_run(Run::new().add_text("№"))
                .bold()]))
            .chain(head.iter().map(|k| cell(vec![label(f, &doc.labels[*k])])))
            .collect(),
        )];
        for (n, fu) in doc.followups.iter().enumerate() {
            let text_cell = |t: &Text, sep: &str| cell(vec![para_of(joined(f, t, sep))]);
            rows.push(TableRow::new(vec![
                cell(vec![
                    Paragraph::new().add_run(Run::new().add_text((n + 1).to_string()))
                ]),
                text_cell(&fu.body, " / "),
                text_cell(&fu.owner, " / "),
                text_cell(&fu.due, " / "),
                text_cell(&fu.status, " / "),
            ]));
        }
        docx = docx.add_table(
            Table::new(rows)
                .set_grid(vec![500, 4338, 2000, 1600, 1200])
                .width(9638, WidthType::Dxa),
        );
    }
    pack(docx)
}

/// The press note: the Club's name and the dateline small, the headline large, the text.
pub fn press(doc: &PressDoc) -> Result<Vec<u8>> {
    let l = doc.lang;
    let mut docx = base(&doc.frame).add_paragraph(
        Paragraph::new().add_run(
            run(value(&doc.frame.club, l), l)
                .bold()
                .size(18)
                .color("464646"),
        ),
    );
    docx = docx
        .add_paragraph(Paragraph::new().add_run(run(&doc.dateline, l).size(18).color("595959")));
    docx = docx.add_paragraph(
        Paragraph::new()
            .add_run(run(&doc.headline, l).bold().size(34))
            .line_spacing(LineSpacing::new().before(160).after(160)),
    );
    for p in rich_paragraphs(&doc.blocks, l, None) {
        docx = docx.add_paragraph(p);
    }
    pack(docx)
}
