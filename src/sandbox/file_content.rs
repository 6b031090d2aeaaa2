//! A file's bytes as the sandbox keeps them: whole, or as pieces joined only when the file is
//! asked for. The seed's photos repeat a few encoded strips down the picture (`seed::photo`), so
//! a 2 MB photo is kept as its strips and a list of pieces pointing into them; the demo then
//! holds kilobytes per photo instead of megabytes, and the bytes served are the same each time.

use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use sha2::{Digest, Sha256};

/// A file's content.
#[derive(Clone, Debug)]
pub enum FileContent {
    /// All of it, in one buffer.
    Whole(Bytes),
    /// Pieces (sharing their buffers) joined in order when asked for; the total length.
    Pieces(Arc<Vec<Bytes>>, usize),
}

impl FileContent {
    /// A content made of `pieces` in order.
    pub fn pieces(pieces: Vec<Bytes>) -> Self {
        let len = pieces.iter().map(Bytes::len).sum();
        Self::Pieces(Arc::new(pieces), len)
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        match self {
            Self::Whole(bytes) => bytes.len(),
            Self::Pieces(_, len) => *len,
        }
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes in one buffer (joined anew for pieces: the caller holds them only while it
    /// sends them).
    pub fn bytes(&self) -> Bytes {
        match self {
            Self::Whole(bytes) => bytes.clone(),
            Self::Pieces(pieces, len) => {
                let mut out = BytesMut::with_capacity(*len);
                for piece in pieces.iter() {
                    out.extend_from_slice(piece);
                }
                out.freeze()
            }
        }
    }

    /// The pieces in order (one for a whole file).
    pub fn parts(&self) -> Vec<Bytes> {
        match self {
            Self::Whole(bytes) => vec![bytes.clone()],
            Self::Pieces(pieces, _) => pieces.as_ref().clone(),
        }
    }

    /// Its SHA-256 in lower-case hex, without joining the pieces.
    pub fn sha256(&self) -> String {
        let mut hasher = Sha256::new();
        match self {
            Self::Whole(bytes) => hasher.update(bytes),
            Self::Pieces(pieces, _) => pieces.iter().for_each(|p| hasher.update(p)),
        }
        hex::encode(hasher.finalize())
    }
}

impl From<Bytes> for FileContent {
    fn from(bytes: Bytes) -> Self {
        Self::Whole(bytes)
    }
}

impl From<Vec<u8>> for FileContent {
    fn from(bytes: Vec<u8>) -> Self {
        Self::Whole(Bytes::from(bytes))
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use sha2::{Digest, Sha256};

    use super::FileContent;

    #[test]
    fn pieces_are_the_bytes_they_join_with_the_same_length_and_checksum() {
        let strip = Bytes::from_static(b"0123456789");
        let pieces =
            vec![Bytes::from_static(b"head"), strip.slice(2..5), strip.slice(2..5), Bytes::from_static(b"end")];
        let content = FileContent::pieces(pieces);
        let joined = b"head234234end";
        assert_eq!(content.bytes().as_ref(), joined);
        assert_eq!(content.len(), joined.len());
        assert_eq!(content.sha256(), hex::encode(Sha256::digest(joined)));
        let whole = FileContent::from(joined.to_vec());
        assert_eq!((whole.len(), whole.sha256()), (content.len(), content.sha256()));
        assert_eq!(whole.parts().concat(), content.parts().concat());
    }
}
