//! How a command is declared: `commands!` turns each one-line declaration into the Tauri
//! command, the handler that dispatches to it, and (in tests) its TypeScript signature,
//! from which `ui/src/api/commands.ts` is generated. A command is written once, here.

/// Each entry: `name(arg: Type, …) -> Result = |state| body;` (or `|state, app| body`
/// when it needs the app handle, for dialogs). The body returns a `Result` whose error
/// converts into `ApiError`; every command runs on the blocking pool, off the UI thread
/// and off the async runtime's workers.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty
            = |$s:ident $(, $app:ident)?| $body:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            pub async fn $name(
                app: tauri::AppHandle,
                $($arg: $ty),*
            ) -> $crate::commands::Reply<$ret> {
                // On the blocking pool, not on the async runtime's few workers: a document
                // being rendered (seconds on a slow machine) must not hold up a save.
                tauri::async_runtime::spawn_blocking(move || {
                    use tauri::Manager;
                    let state = app.state::<$crate::state::AppState>();
                    let $s: &$crate::state::AppState = &state;
                    $(let $app = &app;)?
                    let _ = &app;
                    Ok($body?)
                })
                .await
                .unwrap_or_else(|e| Err(club_core::ApiError::internal(format!("a command failed: {e}"))))
            }
        )*

        /// The handler for `Builder::invoke_handler`: every command above.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Every command's name, arguments (as the UI names them) and result in TypeScript.
        #[cfg(test)]
        pub fn signatures() -> Vec<$crate::commands::declare::Signature> {
            use $crate::commands::declare::{Signature, TsType};
            vec![$(
                Signature {
                    name: stringify!($name),
                    args: vec![$((stringify!($arg), TsType::of::<$ty>())),*],
                    result: TsType::of::<$ret>(),
                }
            ),*]
        }
    };
}

pub(crate) use commands;

#[cfg(test)]
pub use typescript::{render as typescript_map, Signature, TsType};

#[cfg(test)]
mod typescript {
    use std::collections::BTreeSet;

    use ts_rs::{Config, Dependency, TypeVisitor, TS};

    pub struct TsType {
        pub name: String,
        /// The generated types (files in ui/src/api/types) it names.
        pub imports: BTreeSet<String>,
    }

    impl TsType {
        pub fn of<T: TS + 'static>() -> TsType {
            let cfg = Config::from_env();
            let mut imports = BTreeSet::new();
            Imports(&cfg, &mut imports).visit::<T>();
            TsType {
                name: T::name(&cfg),
                imports,
            }
        }
    }

    /// Collects the exported types a type names: itself if exported, else its parameters'.
    struct Imports<'a>(&'a Config, &'a mut BTreeSet<String>);

    impl TypeVisitor for Imports<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            match Dependency::from_ty::<T>(self.0) {
                Some(d) => {
                    self.1.insert(d.ts_name);
                }
                None => T::visit_generics(self),
            }
        }
    }

    pub struct Signature {
        pub name: &'static str,
        pub args: Vec<(&'static str, TsType)>,
        pub result: TsType,
    }

    /// Tauri hands a command's `snake_case` argument to the UI as `camelCase`.
    fn camel(snake: &str) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in snake.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// ui/src/api/commands.ts: the map of command → arguments and result.
    pub fn render(mut commands: Vec<Signature>) -> String {
        commands.sort_by_key(|c| c.name);
        let imports: BTreeSet<&String> = commands
            .iter()
            .flat_map(|c| c.args.iter().map(|(_, t)| t).chain([&c.result]))
            .flat_map(|t| &t.imports)
            .collect();
        let mut out = String::from(
            "// Generated from the command list in src-tauri/src/commands/mod.rs by\n\
             // `cargo test -p club-planner`. Do not edit: change the Rust declaration.\n",
        );
        for name in imports {
            out += &format!("import type {{ {name} }} from \"./types/{name}\";\n");
        }
        out += "\nexport interface Commands {\n";
        for c in &commands {
            let args = if c.args.is_empty() {
                "Record<string, never>".to_string()
            } else {
                let fields: Vec<String> = c
                    .args
                    .iter()
                    .map(|(n, t)| format!("{}: {}", camel(n), t.name))
                    .collect();
                format!("{{ {} }}", fields.join("; "))
            };
            out += &format!(
                "  {}: {{ args: {args}; result: {} }};\n",
                c.name, c.result.name
            );
        }
        out + "}\n"
    }

    #[test]
    fn argument_names_become_camel_case() {
        assert_eq!(camel("agenda_item_id"), "agendaItemId");
        assert_eq!(camel("id"), "id");
    }
}
