//! Wire types of the two HTTP contracts: what clients send and servers answer, beyond the domain
//! types themselves. The sandbox serves them and the clients speak them; the OpenAPI documents under
//! `assets/api/` are generated from these types and the sandbox's handlers, and the build carries
//! the committed copies ([`documents`]).

pub mod documents;
pub mod outbox;
mod problem;
pub mod tweb;

pub use problem::{FieldProblem, PROBLEM_CONTENT_TYPE, Problem};
