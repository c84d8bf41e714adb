//! Sample data: the demonstration story of the 8th session, and (feature `generator`)
//! a generated archive of many years for the benchmarks. Writes only through the owners'
//! functions.

mod cast;
pub mod demo;
#[cfg(feature = "generator")]
pub mod generate;
mod story;
#[cfg(feature = "generator")]
mod words;
