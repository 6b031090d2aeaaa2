//! Plain words kept on disk (the filing journal), so what a person was told reads the same
//! after a restart: `{"id": "…", "args": [["name", {"text": "…"}], …]}`. Message ids and argument
//! names are `&'static str`; reading one back takes them from the texts that name them, and a
//! message this program no longer has reads as nothing.

use serde_json::{Value, json};

use super::{Plain, PlainArg};

impl Plain {
    /// The message as JSON.
    pub fn to_json(&self) -> Value {
        let args: Vec<Value> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    PlainArg::Text(text) => json!({ "text": text }),
                    PlainArg::Number(n) => json!({ "number": n }),
                    PlainArg::Said(plain) => json!({ "said": plain.to_json() }),
                };
                json!([name, value])
            })
            .collect();
        json!({ "id": self.id, "args": args })
    }

    /// A message read back from [`Plain::to_json`]; `known` gives the texts' own `&'static str`
    /// for a message id or an argument name, and `None` for one they do not have.
    pub fn from_json(value: &Value, known: &dyn Fn(&str) -> Option<&'static str>) -> Option<Self> {
        let id = known(value.get("id")?.as_str()?)?;
        let mut plain = Self::new(id);
        for arg in value.get("args")?.as_array()? {
            let name = known(arg.get(0)?.as_str()?)?;
            let value = arg.get(1)?;
            let arg = if let Some(text) = value.get("text").and_then(Value::as_str) {
                PlainArg::Text(text.to_owned())
            } else if let Some(n) = value.get("number").and_then(Value::as_u64) {
                PlainArg::Number(n)
            } else {
                PlainArg::Said(Self::from_json(value.get("said")?, known)?)
            };
            plain.args.push((name, arg));
        }
        Some(plain)
    }
}
