//! A remote value as the UI holds it, keeping the previous value while a refresh runs:
//! [`RequestState`], and [`Requested`], which also owns the answer on its way.

use std::future::Future;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use tokio::runtime::Handle;

use crate::plain::{Plain, Told};

/// Starts work on the runtime and wakes the UI when it ends.
#[derive(Clone)]
pub struct Spawner {
    runtime: Handle,
    repaint: Arc<dyn Fn() + Send + Sync>,
}

impl Spawner {
    /// A spawner on `runtime` that calls `repaint` after each answer.
    pub fn new(runtime: Handle, repaint: Arc<dyn Fn() + Send + Sync>) -> Self {
        Self { runtime, repaint }
    }
}

/// A remote value that owns its answer, as rerun's `requested_object.rs`: [`Requested::request`]
/// starts the work on the runtime and keeps the receiver; [`Requested::poll`], safe to call every
/// frame, takes the answer when it is there. A newer request drops the older receiver, so a stale
/// answer is dropped by itself; the previous value stays while refreshing. One field and one call
/// per value, no routing. The answer `A` is the value `T` itself unless [`Requested::poll_with`]
/// turns it into one (e.g. the inbox hands its rows to the model and keeps `()`).
pub struct Requested<T, A = T> {
    state: RequestState<T>,
    answer: Option<Receiver<Result<A, Told>>>,
}

impl<T, A> Default for Requested<T, A> {
    fn default() -> Self {
        Self { state: RequestState::NotRequested, answer: None }
    }
}

impl<T, A: Send + 'static> Requested<T, A> {
    /// Asks again: runs `work` on the runtime; its answer replaces the value when polled.
    pub fn request(&mut self, spawner: &Spawner, work: impl Future<Output = Result<A, Told>> + Send + 'static) {
        let (sender, receiver) = channel();
        let repaint = Arc::clone(&spawner.repaint);
        spawner.runtime.spawn(async move {
            // A receiver dropped by a newer request simply loses this answer.
            if sender.send(work.await).is_ok() {
                repaint();
            }
        });
        self.answer = Some(receiver);
        self.state.start();
    }

    /// Takes the answer if it has arrived, made into the value by `into`; true when it did.
    pub fn poll_with(&mut self, into: impl FnOnce(A) -> T) -> bool {
        let Some(receiver) = &self.answer else { return false };
        let result = match receiver.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                Err(Told::new(Plain::new("error-unexpected"), "the request ended without an answer"))
            }
        };
        self.answer = None;
        self.state.finish(result.map(into));
        true
    }

    /// Takes a value that is already here (e.g. drawn ahead): the request under way, if any, is
    /// dropped.
    pub fn set(&mut self, value: T) {
        self.answer = None;
        self.state = RequestState::Ready(value);
    }

    /// Forgets the request under way (its answer is dropped) and the value.
    pub fn clear(&mut self) {
        self.answer = None;
        self.state = RequestState::NotRequested;
    }
}

impl<T: Send + 'static> Requested<T> {
    /// Takes the answer if it has arrived; true when it did (this call).
    pub fn poll(&mut self) -> bool {
        self.poll_with(|value| value)
    }
}

impl<T, A> Requested<T, A> {
    /// The value as the UI shows it.
    pub fn state(&self) -> &RequestState<T> {
        &self.state
    }

    /// The newest value there is.
    pub fn value(&self) -> Option<&T> {
        self.state.value()
    }

    /// Whether a request is under way.
    pub fn is_pending(&self) -> bool {
        self.state.is_pending()
    }

    /// The error of the last request, if it failed.
    pub fn error(&self) -> Option<&Told> {
        self.state.error()
    }
}

/// State of a value requested from a server.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RequestState<T> {
    /// Nothing asked yet.
    #[default]
    NotRequested,
    /// Asked; the previous value, if any, is still shown.
    Pending(Option<T>),
    /// Arrived.
    Ready(T),
    /// Failed, with the error in plain words and the previous value.
    Failed(Told, Option<T>),
}

impl<T> RequestState<T> {
    /// The value to show: the newest one there is.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Ready(value) | Self::Pending(Some(value)) | Self::Failed(_, Some(value)) => Some(value),
            _ => None,
        }
    }

    /// Marks a new request, keeping the value.
    pub fn start(&mut self) {
        let previous = std::mem::take(self).into_value();
        *self = Self::Pending(previous);
    }

    /// Takes an answer; a failure keeps the previous value.
    pub fn finish(&mut self, result: Result<T, Told>) {
        let previous = std::mem::take(self).into_value();
        *self = match result {
            Ok(value) => Self::Ready(value),
            Err(error) => Self::Failed(error, previous),
        };
    }

    /// Whether a request is under way.
    pub fn is_pending(&self) -> bool {
        matches!(self, Self::Pending(_))
    }

    /// The error of the last request, if it failed.
    pub fn error(&self) -> Option<&Told> {
        match self {
            Self::Failed(error, _) => Some(error),
            _ => None,
        }
    }

    fn into_value(self) -> Option<T> {
        match self {
            Self::Ready(value) | Self::Pending(Some(value)) | Self::Failed(_, Some(value)) => Some(value),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RequestState, Requested, Spawner};

    #[test]
    fn a_requested_value_owns_its_answer_and_drops_a_stale_one() {
        let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
        let spawner = Spawner::new(runtime.handle().clone(), std::sync::Arc::new(|| {}));
        let mut value: Requested<u32> = Requested::default();
        let (slow_sender, slow) = tokio::sync::oneshot::channel::<()>();
        value.request(&spawner, async move {
            let _ = slow.await;
            Ok(1)
        });
        value.request(&spawner, async { Ok(2) });
        let mut arrived = false;
        for _ in 0..500 {
            if value.poll() {
                arrived = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(arrived, "the newer answer arrives");
        let _ = slow_sender.send(());
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!value.poll(), "the stale answer is dropped");
        assert_eq!(value.value(), Some(&2));
    }

    #[test]
    fn a_refresh_keeps_the_previous_value_until_the_answer() {
        let mut state = RequestState::default();
        state.start();
        assert!(state.is_pending() && state.value().is_none());
        state.finish(Ok(1));
        state.start();
        assert_eq!(state.value(), Some(&1));
        let told = crate::plain::Told::new(crate::plain::Plain::new("remote-connection"), "connection refused");
        state.finish(Err(told.clone()));
        assert_eq!((state.value(), state.error()), (Some(&1), Some(&told)));
    }
}
