//! Unsent conversations kept in memory on SQLite. Every step page is a GET right after the POST
//! that saved it, and on SQLite (one instance, the only writer) that save went through this
//! process, so the page can be drawn from memory instead of a round trip to SQLite's thread.
//! Writes go to the database first and update this copy only once committed; anything that
//! changes a conversation row elsewhere in the store removes the copy. Never used on
//! PostgreSQL, where other instances write the same rows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::conversations::Conversation;
use super::now_ms;

/// At about 2 KB a conversation, a few MB at most.
const CAPACITY: usize = 2048;

#[derive(Default)]
pub struct ConversationCache {
    entries: Mutex<HashMap<String, (Arc<Conversation>, i64)>>,
}

impl ConversationCache {
    /// The conversation, if held and not expired: shared, not copied (a step page only reads).
    pub fn get(&self, key: &str) -> Option<Arc<Conversation>> {
        let entries = self.entries.lock().ok()?;
        let (conversation, expires_at) = entries.get(key)?;
        (*expires_at > now_ms()).then(|| conversation.clone())
    }

    pub fn put(&self, conversation: Conversation, expires_at: i64) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY && !entries.contains_key(&conversation.key) {
                // Full: drop what has expired, and if that is not enough, start again. Misses
                // only cost a database read.
                let now = now_ms();
                entries.retain(|_, (_, expires)| *expires > now);
                if entries.len() >= CAPACITY {
                    entries.clear();
                }
            }
            // A read that raced a save must not put back the older copy.
            if let Some((held, _)) = entries.get(&conversation.key) {
                if held.revision > conversation.revision {
                    return;
                }
            }
            entries.insert(
                conversation.key.clone(),
                (Arc::new(conversation), expires_at),
            );
        }
    }

    pub fn forget(&self, key: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(key);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}
