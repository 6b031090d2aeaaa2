//! Waiting: a step's retries with backoff, every call waiting out its server's `Retry-After`
//! ([`super::pace::Pace`]), and work that stops where it stands when the clerk cancels.

use std::future::Future;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::ExportError;
use super::engine::Exporter;
use super::events::{EventKind, Step};
use crate::plain::Told;
use crate::remote::RemoteError;
use crate::tweb::CaseSystem;

impl<C: CaseSystem + 'static> Exporter<C> {
    /// Runs `work` unless the clerk cancels first; then the work is dropped where it stands
    /// (mid-upload too) and the filing ends as interrupted.
    pub(super) async fn until_cancelled<T>(
        &self,
        cancel: &CancellationToken,
        diary_number: &Option<String>,
        work: impl Future<Output = Result<T, ExportError>>,
    ) -> Result<T, ExportError> {
        tokio::select! {
            biased;
            () = cancel.cancelled() => Err(ExportError::Cancelled { diary_number: diary_number.clone() }),
            result = work => result,
        }
    }

    /// How long to wait before try `attempt + 1` after `error`: what its server asked for when it
    /// sent `Retry-After` (every filing then waits for that server too), else the backoff.
    pub(super) fn wait_after(&self, error: &RemoteError, attempt: u32) -> Duration {
        self.pace.heed(error).unwrap_or_else(|| self.backoff(attempt))
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let policy = &self.config.retry;
        let exponential = policy.base.saturating_mul(1u32 << attempt.min(16)).min(policy.cap);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        // Jitter between half and all of the delay, so several clerks do not retry in step.
        exponential.mul_f64(0.5 + f64::from(nanos % 1_000_003) / 2_000_006.0)
    }

    /// Runs `call` with retries on retryable errors, each try once the step's server may be called.
    pub(super) async fn retry<T, F, Fut>(&self, id: &str, step: &Step, call: F) -> Result<T, RemoteError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, RemoteError>>,
    {
        let mut attempt = 1;
        loop {
            self.pace.ready(Some(step.server())).await;
            match call().await {
                Err(e) if e.is_retryable() && attempt < self.config.retry.attempts => {
                    self.emit(
                        id,
                        EventKind::Retrying { step: step.clone(), message: Told::of(&e), attempt: attempt + 1 },
                    );
                    tokio::time::sleep(self.wait_after(&e, attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}
