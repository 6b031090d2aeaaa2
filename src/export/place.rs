//! Where an object of a filing must sit to be adopted instead of created.

/// An object TWeb holds under an external ref, and the case it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// Its id.
    pub id: u64,
    /// Its case; `None` for a case itself or an unregistered document or assignment.
    pub case_id: Option<u64>,
}

/// Where the object of a step must sit to be adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// A case: found by its ref, it is the transaction's.
    Anywhere,
    /// A document or assignment: on this case (`None`: on no case).
    OnCase(Option<u64>),
}
