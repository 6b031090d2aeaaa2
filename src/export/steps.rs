//! The creating steps of a filing, each exactly once. TWeb is the truth: an id the journal
//! remembers is never reused on its word. After any interrupted, failed or cut-off try the object
//! is looked up by its external ref (one GET) and adopted only if it sits where this filing puts
//! it; only when TWeb has none is it created.

use std::future::Future;

use super::ExportError;
use super::engine::Exporter;
use super::events::{EventKind, Step};
use super::place::{Found, Place};
use crate::plain::Told;
use crate::remote::{RemoteError, RemoteErrorKind};
use crate::tweb::CaseSystem;

impl<C: CaseSystem + 'static> Exporter<C> {
    /// One creating step, exactly once (see the module docs).
    pub(super) async fn create_once<L, LF, K, KF>(
        &self,
        id: &str,
        step: Step,
        place: Place,
        lookup: L,
        create: K,
    ) -> Result<u64, ExportError>
    where
        L: Fn() -> LF,
        LF: Future<Output = Result<Option<Found>, RemoteError>>,
        K: Fn() -> KF,
        KF: Future<Output = Result<u64, RemoteError>>,
    {
        let remembered = self.journal.step(id, &step).await?;
        self.journal.step_started(id, &step).await?;
        self.emit(id, EventKind::Started(step.clone()));
        // Whatever the journal remembers is only a hint that the object may exist.
        let mut may_exist = remembered.is_some();
        let mut attempt = 1;
        loop {
            self.pace.ready(Some(step.server())).await;
            let outcome = async {
                if may_exist && let Some(found) = lookup().await? {
                    return Ok((Some(found), found.id));
                }
                create().await.map(|created| (None, created))
            }
            .await;
            let error = match outcome {
                Ok((Some(found), object_id)) => {
                    if let Place::OnCase(expected) = place
                        && found.case_id != expected
                    {
                        return Err(ExportError::Misplaced { step, object_id, found: found.case_id, expected });
                    }
                    if let Some(Some(journaled)) = remembered
                        && journaled != object_id
                    {
                        tracing::warn!(
                            transaction = %id, step = %step.key(), journaled, object_id,
                            "the journal remembered another object than TWeb holds under the external ref; TWeb's is used"
                        );
                    }
                    return self.step_finished(id, step, object_id, true).await;
                }
                Ok((None, object_id)) => return self.step_finished(id, step, object_id, false).await,
                Err(error) => error,
            };
            if attempt >= self.config.retry.attempts {
                return Err(ExportError::step(step, error));
            }
            match error.kind {
                // It exists already (an earlier try whose answer was lost, or another process): the
                // lookup finds it, with or without the existing id in a body that may be cut off.
                RemoteErrorKind::Conflict => {}
                _ if error.is_retryable() => {
                    self.emit(
                        id,
                        EventKind::Retrying { step: step.clone(), message: Told::of(&error), attempt: attempt + 1 },
                    );
                    tokio::time::sleep(self.wait_after(&error, attempt)).await;
                }
                _ => return Err(ExportError::step(step, error)),
            }
            attempt += 1;
            may_exist = true;
        }
    }

    async fn step_finished(&self, id: &str, step: Step, object_id: u64, adopted: bool) -> Result<u64, ExportError> {
        self.journal.step_done(id, &step, Some(object_id)).await?;
        self.emit(id, EventKind::Finished { step, object_id: Some(object_id), adopted });
        Ok(object_id)
    }
}
