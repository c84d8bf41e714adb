//! How clubctl prints: JSON for scripts (`--json`), plain lines for people.

use serde::Serialize;

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
            println!("{}", serde_json::to_string_pretty(value)?);
        } else {
            let text = human();
            if !text.is_empty() {
                println!("{text}");
            }
        }
        Ok(())
    }

    /// A confirmation: a small JSON object, or a sentence.
    pub fn message(&self, value: serde_json::Value, human: &str) -> anyhow::Result<()> {
        self.data(&value, || human.to_string())
    }
}
