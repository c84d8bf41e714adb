//! Identifiers: UUID v7 (time-ordered, so new rows append to the B-tree), carried as strings.

use crate::error::{Error, InvalidReason, Result};

pub fn new_id() -> String {
    #[cfg(feature = "generator")]
    if let Some(id) = seeded::next() {
        return id;
    }
    uuid::Uuid::now_v7().to_string()
}

/// Parses an id given by a caller; `field` names it in the error.
pub fn parse_id(raw: &str, field: &str) -> Result<String> {
    uuid::Uuid::parse_str(raw.trim())
        .map(|u| u.to_string())
        .map_err(|_| Error::invalid(field, InvalidReason::BadId))
}

/// Ids from a seed, for the generated benchmark archive (feature `generator`): the owners
/// of the tables make their rows' ids with `new_id`, and while [`Seeded`] lives, `new_id`
/// on its thread draws them from the seed instead of the clock and the system's
/// randomness — the same archive for the same seed. Every other thread, and this one
/// before and after, is untouched.
#[cfg(feature = "generator")]
pub(crate) mod seeded {
    use std::cell::RefCell;
    use std::marker::PhantomData;

    use crate::rng::Rng;

    thread_local! {
        /// The generator, and the moment (Unix ms) the ids' time part says.
        static SOURCE: RefCell<Option<(Rng, u64)>> = const { RefCell::new(None) };
    }

    /// The seeded source, installed on this thread for as long as it lives.
    pub(crate) struct Seeded {
        // Not Send: it must be dropped on the thread it was installed on.
        _here: PhantomData<*const ()>,
    }

    impl Seeded {
        pub(crate) fn install(seed: u64) -> Seeded {
            SOURCE.with(|s| *s.borrow_mut() = Some((Rng::new(seed), 0)));
            Seeded { _here: PhantomData }
        }

        /// The moment the ids made from now on carry (the day being generated), so that
        /// they keep the time order of the rows.
        pub(crate) fn at(&self, unix_ms: u64) {
            SOURCE.with(|s| {
                if let Some((_, at)) = s.borrow_mut().as_mut() {
                    *at = unix_ms;
                }
            });
        }
    }

    impl Drop for Seeded {
        fn drop(&mut self) {
            SOURCE.with(|s| *s.borrow_mut() = None);
        }
    }

    pub(super) fn next() -> Option<String> {
        SOURCE.with(|s| s.borrow_mut().as_mut().map(|(rng, at)| rng.id(*at)))
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::ids::new_id;

        #[test]
        fn a_seed_gives_the_same_ids_and_only_while_installed() {
            let draw = |seed| {
                let ids = Seeded::install(seed);
                ids.at(1_700_000_000_000);
                (0..3).map(|_| new_id()).collect::<Vec<_>>()
            };
            assert_eq!(draw(5), draw(5));
            assert_ne!(draw(5), draw(6));
            let v7 = uuid::Uuid::parse_str(&draw(5)[0]).unwrap();
            assert_eq!(v7.get_version_num(), 7);
            assert_ne!(new_id(), new_id(), "the system's source is back");
            assert!(next().is_none());
        }
    }
}
