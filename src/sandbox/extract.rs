//! Extractors that answer bad input with problem+json instead of axum's plain-text rejections.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// A JSON body; syntax and shape errors become 400, a missing content type 415-like 400.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: super::closed::Body> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let mut value = match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) => return Err(json_rejection(&rejection)),
        };
        as_json_schema_integers(&mut value, "")?;
        if let Some(schema) = T::SCHEMA {
            super::closed::refuse_unknown(&value, schema)?;
        }
        serde_json::from_value(value)
            .map(Self)
            .map_err(|e| ApiError::bad_request(format!("the JSON body could not be read: {e}")))
    }
}

/// Integers as JSON Schema counts them, the contracts' `format: int64`: `3.0` is the integer 3,
/// and an integer beyond the int64 range is refused (400 naming where) rather than read as a u64.
pub(super) fn as_json_schema_integers(value: &mut serde_json::Value, at: &str) -> Result<(), ApiError> {
    use serde_json::Value;
    match value {
        Value::Number(number) => {
            if number.as_u64().is_some_and(|n| i64::try_from(n).is_err()) {
                return Err(ApiError::bad_request(format!("{at}: integers are at most 9223372036854775807")));
            }
            if let Some(float) = number.as_f64().filter(|_| number.is_f64())
                && float.fract() == 0.0
                && float.abs() < 9.2e18
            {
                // Exact: |float| < 2^63, so the conversion neither rounds nor saturates.
                #[allow(clippy::cast_possible_truncation)]
                let integer = float as i64;
                *number = serde_json::Number::from(integer);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                as_json_schema_integers(item, &format!("{at}/{i}"))?;
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                as_json_schema_integers(item, &format!("{at}/{key}"))?;
            }
        }
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
    Ok(())
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            ApiError::bad_request("the body must be JSON with Content-Type: application/json")
        }
        other => ApiError::bad_request(format!("the JSON body could not be read: {}", other.body_text())),
    }
}

/// Query parameters; unreadable ones become 400.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|r: QueryRejection| ApiError::bad_request(format!("bad query: {}", r.body_text())))
    }
}

/// Path parameters; unreadable ones (e.g. a non-numeric id) become 404, as no such object exists.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|r: PathRejection| ApiError::not_found(format!("no such object: {}", r.body_text())))
    }
}

/// A multipart body; a request that is not multipart becomes 400.
pub struct ApiMultipart(pub axum::extract::Multipart);

impl<S: Send + Sync> FromRequest<S> for ApiMultipart {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Multipart::from_request(req, state).await.map(Self).map_err(|r: MultipartRejection| {
            ApiError::bad_request(format!(
                "the body must be multipart/form-data with `metadata` and `file`: {}",
                r.body_text()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    /// A whole number written with `.0` above 2^52 (`4220647049106290.0`, which schemathesis sent
    /// as a document id) is an integer: read to the nearest float, it was `…289.5` and refused.
    #[test]
    fn a_large_whole_number_with_a_fraction_point_is_an_integer() {
        let mut value: serde_json::Value =
            serde_json::from_str(r#"{"ids": [4220647049106290.0, 1138.0, 7]}"#).unwrap_or_else(|e| panic!("{e}"));
        assert!(super::as_json_schema_integers(&mut value, "").is_ok());
        let ids: Vec<u64> = serde_json::from_value(value["ids"].clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ids, [4_220_647_049_106_290, 1138, 7]);
    }
}
