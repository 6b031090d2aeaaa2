//! A remote value as the UI holds it, keeping the previous value while a refresh runs.

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
    Failed(String, Option<T>),
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
    pub fn finish(&mut self, result: Result<T, String>) {
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
    pub fn error(&self) -> Option<&str> {
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
    use super::RequestState;

    #[test]
    fn a_refresh_keeps_the_previous_value_until_the_answer() {
        let mut state = RequestState::default();
        state.start();
        assert!(state.is_pending() && state.value().is_none());
        state.finish(Ok(1));
        state.start();
        assert_eq!(state.value(), Some(&1));
        state.finish(Err("yhteys katkesi".to_owned()));
        assert_eq!((state.value(), state.error()), (Some(&1), Some("yhteys katkesi")));
    }
}
