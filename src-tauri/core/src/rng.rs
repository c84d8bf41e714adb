//! A small deterministic random generator (splitmix64): the same seed gives the same
//! sequence on every machine, for the generated benchmark archive and property tests.

/// SplitMix64: small, fast, and the same everywhere for a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A UUID v7 for a moment, its random part from this generator.
    pub fn id(&mut self, unix_ms: u64) -> String {
        let bytes = self.next_u64().to_le_bytes();
        let more = self.next_u64().to_le_bytes();
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&bytes);
        random[8..].copy_from_slice(&more[..2]);
        uuid::Builder::from_unix_timestamp_millis(unix_ms, &random)
            .into_uuid()
            .to_string()
    }
}
