//! One cell of a document exactly as the user typed it. A JSON number is kept as the digits it
//! was written with (a JS object reaches the core as its JSON text), so a figure never passes
//! through a float: no float is accepted here at all; blank and `null` are the empty text. Whether the text is a figure is decided
//! later, by the checks, so a bad figure is a finding on its cell and never a whole-document error.

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell(pub String);

impl std::ops::Deref for Cell {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Cell {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell(s.to_string())
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// serde_json's `arbitrary_precision` hands a number over as a one-entry map under this key,
/// its value the number's text.
const JSON_NUMBER: &str = "$serde_json::private::Number";

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("文字或数字")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
        Ok(Cell(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell(v.to_string()))
    }

    /// A JS number read from a JS object (serde-wasm-bindgen): its shortest text, the digits
    /// `JSON.stringify` would write, so an object and its JSON text read alike.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        if v.is_finite() {
            Ok(Cell(v.to_string()))
        } else {
            Err(de::Error::invalid_type(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        match map.next_key::<Cow<'de, str>>()? {
            Some(k) if k == JSON_NUMBER => Ok(Cell(map.next_value::<String>()?)),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Cell {
    // one copy per reader, not one per field: inlined, serde_json's `deserialize_any` is some
    // hundreds of bytes of wasm at each of the forms' hundreds of fields
    #[inline(never)]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

/// `null` where a section is expected reads as an empty section, as a blank cell does.
// out of line: one copy of a section's reader for all the fields of its type (a 决算 document
// has 25 lines of one type), not one inlined at each
#[inline(never)]
pub fn or_empty<'de, D: Deserializer<'de>, T: serde::Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(<Option<T> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// A list of rows where the list or a row may be `null`: read as no rows, or a blank row.
#[inline(never)]
pub fn rows<'de, D: Deserializer<'de>, T: serde::Deserialize<'de> + Default>(d: D) -> Result<Vec<T>, D::Error> {
    let rows = <Option<Vec<Option<T>>> as serde::Deserialize>::deserialize(d)?;
    Ok(rows.unwrap_or_default().into_iter().map(Option::unwrap_or_default).collect())
}

impl JsonSchema for Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "一个格子，按填写的原文保存；数字也可直接给数值（按其书写的数字读取，不经浮点）",
            "type": ["string", "number", "boolean", "null"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn numbers_keep_their_digits() {
        let c: Vec<Cell> = serde_json::from_str(r#"["1,234.50", 999999999.99999999999, 1.10, null, 7, true]"#).unwrap();
        let texts: Vec<&str> = c.iter().map(Cell::as_str).collect();
        assert_eq!(texts, ["1,234.50", "999999999.99999999999", "1.10", "", "7", "true"]);
        assert!(serde_json::from_str::<Cell>(r#"{"a": 1}"#).is_err());
        assert!(serde_json::from_str::<Cell>("[1]").is_err());
    }
}
