use chrono::NaiveDate;

use super::{Action, Draft, Missing, PickedCase, parse_date};
use crate::export::Target;
use crate::ui::desk::tests::{mapping, transaction};

const TODAY: Option<NaiveDate> = NaiveDate::from_ymd_opt(2026, 11, 26);

#[test]
fn a_complete_mapping_gives_the_same_plan_as_the_headless_export() {
    let today = TODAY.unwrap_or_default();
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let draft = Draft::new(&t, Some(&m), today);
    assert!(draft.complete_default);
    assert_eq!(draft.due, "1.12.2026");
    let expected = crate::service::from_mapping(&t, &m, today).map_err(|e| e.to_string());
    assert_eq!(draft.plan().map_err(|m| format!("{m:?}")), expected);
}

#[test]
fn without_a_mapping_the_clerk_is_told_what_is_missing() {
    let draft = Draft::new(&transaction("asukaspysakointi"), None, TODAY.unwrap_or_default());
    assert!(!draft.complete_default);
    assert_eq!(draft.plan(), Err(vec![Missing::CaseGroup, Missing::FormType, Missing::AttachmentType]));
}

#[test]
fn an_existing_case_filing_needs_a_case_and_assignment_only_needs_recipients() {
    let mut draft = Draft::new(&transaction("asukaspysakointi"), None, TODAY.unwrap_or_default());
    draft.form_document_type = "HAKEMUS".to_owned();
    draft.attachment_document_type = "HAKLIITE".to_owned();
    draft.set_action(Action::ExistingCase);
    assert_eq!(draft.plan(), Err(vec![Missing::Case]));
    draft.case = Some(PickedCase { id: 7, diary_number: "7/08.01.04/2026".to_owned(), title: "x".to_owned() });
    assert_eq!(
        draft.plan().map(|p| p.target),
        Ok(Target::ExistingCase { case_id: 7, diary_number: Some("7/08.01.04/2026".to_owned()) })
    );

    draft.set_action(Action::AssignmentOnly);
    draft.due = "31.2.2026".to_owned();
    assert_eq!(draft.plan(), Err(vec![Missing::Recipients, Missing::DueDate]));
    draft.groups.push("kirjaamo".to_owned());
    draft.due = "1.12.2026.".to_owned();
    let plan = draft.plan().unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!(plan.target, Target::AssignmentOnly);
    assert_eq!(plan.assignment.and_then(|a| a.due_date), NaiveDate::from_ymd_opt(2026, 12, 1));
}

#[test]
fn due_dates_are_read_as_finnish_dates() {
    assert_eq!(parse_date(" 5.1.2027 "), NaiveDate::from_ymd_opt(2027, 1, 5));
    assert_eq!(parse_date("05.01.2027."), NaiveDate::from_ymd_opt(2027, 1, 5));
    for bad in ["2027-01-05", "5.1", "32.1.2027", "5.1.2027.1", "a.b.c"] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn what_tweb_would_refuse_is_said_before_anything_is_claimed() {
    let today = TODAY.unwrap_or_default();
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let mut draft = Draft::new(&t, Some(&m), today);
    assert!(draft.plan().is_ok());
    draft.title = "Pitkä otsikko ".repeat(143);
    assert_eq!(draft.plan().map(|_| ()), Err(vec![Missing::TitleTooLong]), "2,000 characters");
    draft.title = "ä".repeat(500);
    assert!(draft.plan().is_ok(), "500 characters, not bytes");
    draft.due = "1.1.1900".to_owned();
    assert_eq!(draft.plan().map(|_| ()), Err(vec![Missing::DuePast]));
    draft.due = "25.11.2026".to_owned();
    assert_eq!(draft.plan().map(|_| ()), Err(vec![Missing::DuePast]), "yesterday");
    draft.due = "26.11.2026".to_owned();
    assert!(draft.plan().is_ok(), "today");
    draft.subject = "x".repeat(201);
    assert_eq!(draft.plan().map(|_| ()), Err(vec![Missing::SubjectTooLong]));
}
