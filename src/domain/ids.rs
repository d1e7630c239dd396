//! A fast hash for maps keyed by our own ids (message ids, step ids, flow ids), which a step
//! page looks up dozens of times.

/// For a `HashMap` keyed by our own ids: `HashMap<String, V, ById>`.
pub type ById = std::hash::BuildHasherDefault<IdHasher>;

/// A word-at-a-time hash (the shape of rustc's FxHash). The keys in these maps are ours, read
/// from our own files, so the default hasher's protection against chosen keys buys nothing: a
/// visitor's string can only be looked up, never inserted.
#[derive(Default)]
pub struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}
