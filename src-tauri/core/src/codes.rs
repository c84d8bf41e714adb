//! Enums stored as a code: `code_enum!` writes, for an enum whose every variant has a
//! code, its list of values and the way between a value and its code, so that each such
//! enum reads and refuses its codes alike.

/// An enum stored (and typed at the command line) as a code. Takes the enum as written
/// (its own derives, serde and ts attributes, doc comments) with `Variant = "code"` for
/// each variant, and then the `InvalidReason` a refused code is given, optionally
/// followed by `ignore_ascii_case` when codes are read in any case:
///
/// ```text
/// code_enum! {
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
///     #[serde(rename_all = "snake_case")]
///     pub enum Shade { Light = "light", Dark = "dark" }
///     invalid = BadStatus;
/// }
/// ```
///
/// It adds `ALL` (the variants in the order written, the order lists show them in),
/// `code`, `from_code` (the value of a code, blanks round it ignored) and `parse` (the
/// same, or `Error::invalid(field, reason)`).
macro_rules! code_enum {
    (@same ; $code:expr, $raw:expr) => {
        $code == $raw
    };
    (@same ignore_ascii_case ; $code:expr, $raw:expr) => {
        $code.eq_ignore_ascii_case($raw)
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $code:literal),+ $(,)?
        }
        invalid = $reason:ident $(, $case:ident)?;
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every value, in the order lists show them.
            pub const ALL: [Self; [$($code),+].len()] = [$(Self::$variant),+];

            /// The code stored for the value.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value whose code `raw` is (blanks round it ignored), if any.
            pub fn from_code(raw: &str) -> Option<Self> {
                let raw = raw.trim();
                Self::ALL
                    .into_iter()
                    .find(|v| $crate::codes::code_enum!(@same $($case)? ; v.code(), raw))
            }

            /// The value whose code `raw` is, or `field` refused.
            pub fn parse(raw: &str, field: &str) -> $crate::error::Result<Self> {
                Self::from_code(raw).ok_or_else(|| {
                    $crate::error::Error::invalid(field, $crate::error::InvalidReason::$reason)
                })
            }
        }
    };
}

pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    use crate::error::{Error, InvalidReason};

    code_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Shade {
            Light = "light",
            /// A comment on a variant is kept.
            Dark = "dark-ish",
        }
        invalid = BadStatus;
    }

    code_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Tongue {
            Ru = "ru",
            En = "en",
        }
        invalid = BadLanguage, ignore_ascii_case;
    }

    #[test]
    fn every_value_comes_back_from_its_code_in_the_order_written() {
        assert_eq!(Shade::ALL, [Shade::Light, Shade::Dark]);
        for shade in Shade::ALL {
            assert_eq!(Shade::from_code(shade.code()), Some(shade));
        }
        assert_eq!(Shade::Dark.code(), "dark-ish");
    }

    #[test]
    fn blanks_are_ignored_and_case_only_where_asked() {
        assert_eq!(Shade::from_code(" dark-ish\n"), Some(Shade::Dark));
        assert_eq!(Shade::from_code("LIGHT"), None);
        assert_eq!(Shade::from_code(""), None);
        assert_eq!(Tongue::from_code(" EN "), Some(Tongue::En));
        assert_eq!(Tongue::parse("Ru", "lang").unwrap(), Tongue::Ru);
    }

    #[test]
    fn a_refused_code_names_the_field_and_the_reason() {
        let refused = |e: Error| match e {
            Error::Invalid { field, reason } => (field, reason),
            other => panic!("{other}"),
        };
        assert_eq!(
            refused(Shade::parse("grey", "shade").unwrap_err()),
            ("shade".to_string(), InvalidReason::BadStatus)
        );
        assert_eq!(
            refused(Tongue::parse("de", "lang").unwrap_err()),
            ("lang".to_string(), InvalidReason::BadLanguage)
        );
    }
}
