//! The filing panel as a view: driven with a state, its commands checked, no network.

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable as _;

use super::{FilingCommand, FilingPanel, FilingView, show};
use crate::contract::outbox::{FilingAction, FilingResult};
use crate::domain::Catalog;
use crate::i18n::{Texts, UiLanguage};
use crate::mappings::ServiceMapping;
use crate::service::Unusable;
use crate::ui::desk::case_editor::CaseSearch;
use crate::ui::desk::draft::Draft;
use crate::ui::desk::tests::{mapping, transaction};

const TODAY: Option<NaiveDate> = NaiveDate::from_ymd_opt(2026, 12, 1);

/// What one panel state shows and what clicking `label` asks for.
struct Case<'a> {
    mapping: Result<&'a ServiceMapping, Unusable>,
    draft: Draft,
    view: Option<FilingView>,
    case_url: Option<String>,
    can_save_default: bool,
}

fn click(case: Case<'_>, label: &str) -> (Vec<FilingCommand>, Draft) {
    let texts = Texts::new(UiLanguage::Fi);
    let catalog = Catalog::default();
    let (mut draft, mut cases, mut commands) = (case.draft, CaseSearch::default(), Vec::new());
    let id = draft.transaction_id.clone();
    {
        let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(420.0, 900.0)).build_ui(|ui| {
            let mut panel = FilingPanel {
                texts: &texts,
                transaction: Some(&id),
                attachments: 0,
                view: case.view.as_ref(),
                draft: Some(&mut draft),
                mapping: case.mapping.clone(),
                can_save_default: case.can_save_default,
                saved: None,
                catalog: Some(&catalog),
                catalog_error: None,
                confirm: None,
                running: false,
                cancelling: false,
                unseen: None,
                held: None,
                cases: &mut cases,
                focus_case_search: false,
                case_url: case.case_url.clone(),
                previous: None,
                undo: crate::ui::desk::receipt::Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk),
                undone: None,
                suggestions: Vec::new(),
                asks: Vec::new(),
                secrecy: None,
            };
            commands.extend(show(&mut panel, ui));
        });
        harness.run();
        harness.get_by_label_contains(label).click();
        harness.run();
    }
    (commands, draft)
}

#[test]
fn file_asks_the_desk_to_file_and_changes_nothing_itself() {
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let draft = Draft::new(&t, Some(&m), TODAY.unwrap_or_default());
    let before = draft.clone();
    let case = Case { mapping: Ok(&m), draft, view: None, case_url: None, can_save_default: false };
    let (commands, after) = click(case, "Kirjaa (Enter)");
    assert_eq!(commands, [FilingCommand::File]);
    assert_eq!(after, before, "the panel files nothing and edits nothing on File");
}

#[test]
fn choosing_another_action_is_a_command_for_the_desk() {
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let draft = Draft::new(&t, Some(&m), TODAY.unwrap_or_default());
    let case = Case { mapping: Ok(&m), draft, view: None, case_url: None, can_save_default: false };
    let (commands, _) = click(case, "3 ");
    assert_eq!(commands, [FilingCommand::Action(crate::ui::desk::draft::Action::AssignmentOnly)]);
}

#[test]
fn choices_made_by_hand_for_an_unmapped_service_can_be_saved_as_its_default() {
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    // A draft complete by the clerk's hand, for a service whose mapping is unusable.
    let draft = Draft::new(&t, Some(&m), TODAY.unwrap_or_default());
    let case = Case { mapping: Err(Unusable::NoMapping), draft, view: None, case_url: None, can_save_default: true };
    let (commands, _) = click(case, "Tallenna oletukseksi");
    assert_eq!(commands, [FilingCommand::SaveDefault]);
}

#[test]
fn open_in_tweb_asks_for_the_case_address() {
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let draft = Draft::new(&t, Some(&m), TODAY.unwrap_or_default());
    let result = FilingResult {
        action: FilingAction::NewCase,
        case_id: Some(145),
        diary_number: Some("12/02.05.01/2026".to_owned()),
        document_ids: vec![1, 2],
        assignment_id: None,
        case_title: None,
        documents: Vec::new(),
        assignment: None,
        left_out: Vec::new(),
    };
    let view = FilingView { result: Some(Ok(result)), ..FilingView::default() };
    let url = "http://127.0.0.1:9/tweb/asia/145".to_owned();
    let case = Case { mapping: Ok(&m), draft, view: Some(view), case_url: Some(url.clone()), can_save_default: false };
    let (commands, _) = click(case, "Avaa TWebissä");
    assert_eq!(commands, [FilingCommand::OpenUrl(url)]);
}

/// An assignment-only filing said only "Kirjattu: ilman asiaa". The receipt now names the case's
/// title, each document made with its type, the assignment's recipients and due date, and says
/// plainly that a filing cannot be undone from Kirjaamo.
#[test]
fn the_receipt_names_the_case_the_documents_and_the_assignment() {
    use crate::contract::outbox::{FiledAssignment, FiledDocument};
    let (t, m) = (transaction("asukaspysakointi"), mapping("asukaspysakointi"));
    let draft = Draft::new(&t, Some(&m), TODAY.unwrap_or_default());
    let document = |id, title: &str, kind: &str, form| FiledDocument {
        id,
        title: title.to_owned(),
        document_type: kind.to_owned(),
        form,
    };
    let result = FilingResult {
        action: FilingAction::NewCase,
        case_id: Some(145),
        diary_number: Some("12/02.05.01/2026".to_owned()),
        document_ids: vec![1, 2],
        assignment_id: Some(9),
        case_title: Some("Asukaspysäköintitunnus – Virtanen Maija".to_owned()),
        documents: vec![
            document(1, "Asukaspysäköinti", "HAKEMUS", true),
            document(2, "rekisteriote.pdf", "HAKLIITE", false),
        ],
        assignment: Some(FiledAssignment {
            recipients: crate::domain::Recipients {
                users: vec!["mvirtanen".to_owned()],
                groups: vec!["kirjaamo".to_owned()],
            },
            due_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
        }),
        left_out: Vec::new(),
    };
    let texts = Texts::new(UiLanguage::Fi);
    let mut catalog = Catalog::default();
    catalog.users.push(crate::domain::User {
        id: "mvirtanen".to_owned(),
        name: "Maija Virtanen".to_owned(),
        title: String::new(),
        email: String::new(),
        groups: Vec::new(),
    });
    let mut draft = draft;
    let mut cases = CaseSearch::default();
    let undoable = result.clone();
    let view = FilingView { result: Some(Ok(result)), ..FilingView::default() };
    let id = t.id.clone();
    let harness = egui_kittest::Harness::builder().with_size(egui::vec2(420.0, 900.0)).build_ui(|ui| {
        let mut panel = FilingPanel {
            texts: &texts,
            transaction: Some(&id),
            attachments: 1,
            view: Some(&view),
            draft: Some(&mut draft),
            mapping: Ok(&m),
            can_save_default: false,
            saved: None,
            catalog: Some(&catalog),
            catalog_error: None,
            confirm: None,
            running: false,
            cancelling: false,
            unseen: None,
            held: None,
            cases: &mut cases,
            focus_case_search: false,
            case_url: None,
            previous: None,
            undo: crate::ui::desk::receipt::undo_for(&undoable, Some(chrono::Duration::minutes(1))),
            undone: None,
            suggestions: Vec::new(),
            asks: Vec::new(),
            secrecy: None,
        };
        show(&mut panel, ui);
    });
    harness.get_by_label("Kirjattu: 12/02.05.01/2026");
    harness.get_by_label("Asia: Asukaspysäköintitunnus – Virtanen Maija");
    harness.get_by_label("Lomake: Asukaspysäköinti (HAKEMUS)");
    harness.get_by_label("Liite: rekisteriote.pdf (HAKLIITE)");
    harness.get_by_label("Toimeksianto: Maija Virtanen, kirjaamo, määräpäivä 15.12.2026");
    harness.get_by_label_contains("Lähetettyä toimeksiantoa ei voi perua Kirjaamosta");
}

/// Undo is offered only where TWeb's contract allows it: a new case without an assignment, in
/// the minutes after filing, by this desk; everything else says why not.
#[test]
fn undo_is_offered_only_for_a_fresh_new_case_without_an_assignment() {
    use crate::ui::desk::receipt::{Undo, undo_for};
    let result = FilingResult {
        action: FilingAction::NewCase,
        case_id: Some(1),
        diary_number: Some("1/02.05.01/2026".to_owned()),
        document_ids: vec![1],
        assignment_id: None,
        case_title: None,
        documents: Vec::new(),
        assignment: None,
        left_out: Vec::new(),
    };
    let minutes = chrono::Duration::minutes;
    assert_eq!(undo_for(&result, Some(minutes(2))), Undo::Offer);
    assert_eq!(undo_for(&result, Some(minutes(16))), Undo::No(crate::ui::desk::receipt::NoUndo::Late));
    assert_eq!(undo_for(&result, None), Undo::No(crate::ui::desk::receipt::NoUndo::NotThisDesk), "another clerk's");
    let assigned = FilingResult { assignment_id: Some(3), ..result.clone() };
    assert_eq!(undo_for(&assigned, Some(minutes(2))), Undo::No(crate::ui::desk::receipt::NoUndo::Assignment));
    let existing = FilingResult { action: FilingAction::ExistingCase, ..result };
    assert_eq!(undo_for(&existing, Some(minutes(2))), Undo::No(crate::ui::desk::receipt::NoUndo::ExistingCase));
}
