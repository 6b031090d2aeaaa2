//! The structure tree of the tagged PDF: a document of headings, tables of label and value, and
//! the list of attachments, in reading order. Each printed line is one marked-content sequence
//! of the element it belongs to; page footers are artefacts outside the tree.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A structure element's index in the [`Tree`].
pub type Elem = usize;

/// Standard structure types used here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The whole document.
    Document,
    /// The title.
    H1,
    /// A section heading.
    H2,
    /// A paragraph.
    P,
    /// A table of label and value pairs.
    Table,
    /// One pair.
    Tr,
    /// The label: a row header.
    Th,
    /// The value.
    Td,
    /// The attachments list.
    L,
    /// One attachment.
    Li,
    /// Its body.
    LBody,
}

impl Kind {
    /// The standard structure type, which is also the tag of its marked content.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::H1 => "H1",
            Kind::H2 => "H2",
            Kind::P => "P",
            Kind::Table => "Table",
            Kind::Tr => "TR",
            Kind::Th => "TH",
            Kind::Td => "TD",
            Kind::L => "L",
            Kind::Li => "LI",
            Kind::LBody => "LBody",
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Kid {
    Elem(Elem),
    Content { page: usize, mcid: u32 },
}

struct Node {
    kind: Kind,
    parent: Option<Elem>,
    kids: Vec<Kid>,
}

/// The structure tree being built, its root the document.
pub struct Tree {
    nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Self {
        Self { nodes: vec![Node { kind: Kind::Document, parent: None, kids: Vec::new() }] }
    }
}

impl Tree {
    /// The document element.
    pub const ROOT: Elem = 0;

    /// Adds an element of `kind` as the last child of `parent`.
    pub fn add(&mut self, parent: Elem, kind: Kind) -> Elem {
        let index = self.nodes.len();
        self.nodes.push(Node { kind, parent: Some(parent), kids: Vec::new() });
        if let Some(node) = self.nodes.get_mut(parent) {
            node.kids.push(Kid::Elem(index));
        }
        index
    }

    /// The kind of `elem`.
    pub fn kind(&self, elem: Elem) -> Kind {
        self.nodes.get(elem).map_or(Kind::P, |n| n.kind)
    }

    /// Records that marked content `mcid` of page `page` belongs to `elem`.
    pub fn mark(&mut self, elem: Elem, page: usize, mcid: u32) {
        if let Some(node) = self.nodes.get_mut(elem) {
            node.kids.push(Kid::Content { page, mcid });
        }
    }

    /// Writes the tree into `doc` for the pages `pages`; returns the StructTreeRoot.
    pub fn write(&self, doc: &mut Document, pages: &[ObjectId]) -> ObjectId {
        let root_id = doc.new_object_id();
        let ids: Vec<ObjectId> = self.nodes.iter().map(|_| doc.new_object_id()).collect();
        let mut parent_tree: Vec<Vec<Option<ObjectId>>> = vec![Vec::new(); pages.len()];
        for (index, node) in self.nodes.iter().enumerate() {
            let first_page = node.kids.iter().find_map(|k| match k {
                Kid::Content { page, .. } => Some(*page),
                Kid::Elem(_) => None,
            });
            let kids: Vec<Object> = node
                .kids
                .iter()
                .map(|kid| match *kid {
                    Kid::Elem(e) => Object::Reference(ids[e]),
                    Kid::Content { page, mcid } => {
                        if let Some(slots) = parent_tree.get_mut(page) {
                            if slots.len() <= mcid as usize {
                                slots.resize(mcid as usize + 1, None);
                            }
                            slots[mcid as usize] = Some(ids[index]);
                        }
                        if Some(page) == first_page {
                            Object::Integer(i64::from(mcid))
                        } else {
                            Object::Dictionary(Dictionary::from_iter([
                                ("Type", Object::Name(b"MCR".to_vec())),
                                ("Pg", Object::Reference(pages[page])),
                                ("MCID", Object::Integer(i64::from(mcid))),
                            ]))
                        }
                    }
                })
                .collect();
            // (`/Type /StructElem` is optional: left out, as there are hundreds of elements.)
            let mut dict = Dictionary::from_iter([
                ("S", Object::Name(node.kind.tag().as_bytes().to_vec())),
                ("P", Object::Reference(node.parent.map_or(root_id, |p| ids[p]))),
            ]);
            if let Some(page) = first_page.and_then(|p| pages.get(p)) {
                dict.set("Pg", Object::Reference(*page));
            }
            if node.kind == Kind::Th {
                let attributes = [("O", Object::Name(b"Table".to_vec())), ("Scope", Object::Name(b"Row".to_vec()))];
                dict.set("A", Object::Dictionary(Dictionary::from_iter(attributes)));
            }
            dict.set("K", if kids.len() == 1 { kids[0].clone() } else { Object::Array(kids) });
            doc.objects.insert(ids[index], Object::Dictionary(dict));
        }
        let mut nums = Vec::new();
        for (page, slots) in parent_tree.into_iter().enumerate() {
            let refs = slots.into_iter().map(|s| s.map_or(Object::Null, Object::Reference)).collect();
            nums.push(Object::Integer(page as i64));
            nums.push(Object::Array(refs));
        }
        let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
        doc.objects.insert(
            root_id,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"StructTreeRoot".to_vec())),
                ("K", Object::Reference(ids[Self::ROOT])),
                ("ParentTree", Object::Reference(parent_tree)),
                ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
            ])),
        );
        root_id
    }
}
