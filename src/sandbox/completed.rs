//! The outbox's completed list (`GET /completed`): what the whole office filed, by the Helsinki
//! day of completion, latest first, paged.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDate;

use super::error::{ApiError, ApiResult};
use super::outbox_state::{OutboxState, summary};
use crate::contract::outbox::{CompletedPage, CompletedQuery, CompletedTransaction};
use crate::domain::helsinki;

/// The longest range one query may ask for, in days.
pub const MAX_RANGE_DAYS: i64 = 93;

fn decode(cursor: &str) -> ApiResult<String> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| ApiError::bad_request("the cursor is not one this server gave out"))
}

impl OutboxState {
    /// Completed transactions whose completion falls on `from`..=`to` (Helsinki days; `today`
    /// when not given), latest completion first, one page after `cursor`.
    pub fn completed(&self, query: &CompletedQuery, today: NaiveDate) -> ApiResult<CompletedPage> {
        let limit = query.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            return Err(ApiError::bad_request("limit must be between 1 and 200"));
        }
        let from = query.from.unwrap_or(today);
        let to = query.to.unwrap_or(from);
        if to < from {
            return Err(ApiError::bad_request("to must not be before from"));
        }
        if (to - from).num_days() > MAX_RANGE_DAYS {
            return Err(ApiError::bad_request(format!("a query spans at most {MAX_RANGE_DAYS} days")));
        }
        let before = query.cursor.as_deref().map(decode).transpose()?;
        let mut items: Vec<(String, CompletedTransaction)> = self
            .marks
            .iter()
            .filter_map(|(id, mark)| Some((self.transactions.get(id)?, mark.completion.as_ref()?)))
            .filter(|(t, _)| query.service.as_deref().is_none_or(|s| t.service.id == s))
            .filter(|(_, c)| (from..=to).contains(&helsinki::date_of(c.completed_at)))
            .map(|(t, c)| {
                let key = format!("{}|{}", c.completed_at.to_rfc3339(), t.id);
                (key, CompletedTransaction { transaction: summary(t, None), completion: c.clone() })
            })
            .filter(|(key, _)| before.as_deref().is_none_or(|b| key.as_str() < b))
            .collect();
        items.sort_by(|a, b| b.0.cmp(&a.0));
        let more = items.len() > limit as usize;
        items.truncate(limit as usize);
        let next_cursor = more.then(|| items.last().map(|(key, _)| URL_SAFE_NO_PAD.encode(key))).flatten();
        Ok(CompletedPage { items: items.into_iter().map(|(_, item)| item).collect(), next_cursor })
    }
}
