//! How clubctl prints: JSON for scripts (`--json`), plain lines for people.

use std::io::Write;

use serde::Serialize;

/// Prints a line; a closed pipe (`clubctl … | head`) ends the output quietly.
fn emit(text: &str) -> anyhow::Result<()> {
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or `human()` as text.
    pub fn data<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce() -> String,
    ) -> anyhow::Result<()> {
        if self.json {
            emit(&serde_json::to_string_pretty(value)?)?;
        } else {
            let text = human();
            if !text.is_empty() {
                emit(&text)?;
            }
        }
        Ok(())
    }

    /// A confirmation: a small JSON object, or a sentence.
    pub fn message(&self, value: serde_json::Value, human: &str) -> anyhow::Result<()> {
        self.data(&value, || human.to_string())
    }
}
