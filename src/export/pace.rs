//! How fast the engine goes: at most so many filings at once, one at a time of each transaction,
//! and a server that asks to be left alone (`Retry-After` on a 429 or 503) is left alone by every
//! filing, not only the one it told.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};
use tokio::time::Instant;

use crate::remote::{RemoteError, Server};

/// Filings at once when nothing says otherwise.
pub const DEFAULT_PARALLEL: usize = 4;
/// The most filings at once against one pair of servers, whatever a profile or `--parallel` says.
pub const MAX_PARALLEL: usize = 16;
/// The longest a `Retry-After` is waited out; a server that asks for longer gets the step's
/// ordinary retries and, after them, a failed filing that can be resumed.
const LONGEST_WAIT: Duration = Duration::from_secs(120);

/// The filings' shared pace against one pair of servers.
#[derive(Debug)]
pub struct Pace {
    slots: Semaphore,
    parallel: usize,
    tweb: Mutex<Option<Instant>>,
    outbox: Mutex<Option<Instant>>,
    filing: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// A transaction's turn: while it is held, no other filing of this exporter files it.
pub struct Turn<'a> {
    pace: &'a Pace,
    id: String,
    lane: Arc<tokio::sync::Mutex<()>>,
    held: Option<tokio::sync::OwnedMutexGuard<()>>,
    waited: bool,
}

impl Turn<'_> {
    /// Whether another filing of the transaction ran first: what was read of it before is stale.
    pub fn waited(&self) -> bool {
        self.waited
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        drop(self.held.take());
        let mut filing = self.pace.filing.lock().unwrap_or_else(PoisonError::into_inner);
        // Only this turn and the map hold the lane: nobody waits for it.
        if Arc::strong_count(&self.lane) == 2 {
            filing.remove(&self.id);
        }
    }
}

impl Pace {
    /// At most `parallel` filings at once (1 to [`MAX_PARALLEL`]).
    pub fn new(parallel: usize) -> Self {
        let parallel = parallel.clamp(1, MAX_PARALLEL);
        Self {
            slots: Semaphore::new(parallel),
            parallel,
            tweb: Mutex::new(None),
            outbox: Mutex::new(None),
            filing: Mutex::default(),
        }
    }

    /// Filings at once.
    pub fn parallel(&self) -> usize {
        self.parallel
    }

    /// A filing's slot, waited for.
    pub async fn slot(&self) -> SemaphorePermit<'_> {
        // The semaphore is never closed.
        self.slots.acquire().await.unwrap_or_else(|_| unreachable!("the filings' semaphore is never closed"))
    }

    /// Transaction `id`'s turn, once no other filing of it runs here: a second filing of the same
    /// transaction (the same id twice in a batch) starts only when the first has ended, and then
    /// finds it filed.
    pub async fn turn(&self, id: &str) -> Turn<'_> {
        let lane = {
            let mut filing = self.filing.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(filing.entry(id.to_owned()).or_default())
        };
        let (held, waited) = match Arc::clone(&lane).try_lock_owned() {
            Ok(held) => (held, false),
            Err(_) => (Arc::clone(&lane).lock_owned().await, true),
        };
        Turn { pace: self, id: id.to_owned(), lane, held: Some(held), waited }
    }

    fn gate(&self, server: Server) -> &Mutex<Option<Instant>> {
        match server {
            Server::Tweb => &self.tweb,
            Server::Outbox => &self.outbox,
        }
    }

    /// Waits until `server` may be called again.
    pub async fn ready(&self, server: Option<Server>) {
        let Some(server) = server else { return };
        loop {
            let until = *self.gate(server).lock().unwrap_or_else(PoisonError::into_inner);
            match until {
                Some(until) if until > Instant::now() => tokio::time::sleep_until(until).await,
                _ => return,
            }
        }
    }

    /// Takes what `error` says of its server: a `Retry-After` holds every filing back from that
    /// server for as long. Returns the wait it set, if any.
    pub fn heed(&self, error: &RemoteError) -> Option<Duration> {
        let wait = error.retry_after?.min(LONGEST_WAIT);
        let server = error.action.server()?;
        let until = Instant::now() + wait;
        let mut gate = self.gate(server).lock().unwrap_or_else(PoisonError::into_inner);
        if gate.is_none_or(|g| g < until) {
            *gate = Some(until);
        }
        Some(wait)
    }
}

impl Default for Pace {
    fn default() -> Self {
        Self::new(DEFAULT_PARALLEL)
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_PARALLEL, Pace};
    use crate::remote::{Action, RemoteError};
    use std::time::Duration;

    #[tokio::test]
    async fn a_transaction_is_filed_by_one_filing_at_a_time() {
        let pace = std::sync::Arc::new(Pace::new(4));
        let first = pace.turn("TX-1").await;
        let other = pace.turn("TX-2").await;
        assert!(!first.waited() && !other.waited(), "nobody filed them before");
        let waiting = {
            let pace = std::sync::Arc::clone(&pace);
            tokio::spawn(async move { pace.turn("TX-1").await.waited() })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "the second filing of TX-1 waits for the first");
        drop(other);
        drop(first);
        assert!(waiting.await.expect("the second gets its turn"), "and knows that it waited");
        assert!(pace.filing.lock().expect("lock").is_empty(), "no turns are kept once all ended");
    }

    #[test]
    fn the_number_at_once_stays_within_its_bounds() {
        assert_eq!(Pace::new(0).parallel(), 1);
        assert_eq!(Pace::new(8).parallel(), 8);
        assert_eq!(Pace::new(1000).parallel(), MAX_PARALLEL);
    }

    #[tokio::test]
    async fn a_retry_after_holds_back_every_call_to_that_server_only() {
        let pace = Pace::new(4);
        let error = RemoteError {
            retry_after: Some(Duration::from_millis(300)),
            ..RemoteError::from_status(Action::UploadDocument, 429, None)
        };
        assert_eq!(pace.heed(&error), Some(Duration::from_millis(300)));
        let start = tokio::time::Instant::now();
        pace.ready(Some(crate::remote::Server::Outbox)).await;
        assert!(start.elapsed() < Duration::from_millis(100), "the outbox is not held back");
        pace.ready(Some(crate::remote::Server::Tweb)).await;
        assert!(start.elapsed() >= Duration::from_millis(300), "TWeb is");
        let long = RemoteError {
            retry_after: Some(Duration::from_secs(3600)),
            ..RemoteError::from_status(Action::Claim, 503, None)
        };
        assert_eq!(pace.heed(&long), Some(Duration::from_secs(120)), "an hour is not waited out");
        let plain = RemoteError::from_status(Action::Claim, 503, None);
        assert_eq!(pace.heed(&plain), None);
    }
}
