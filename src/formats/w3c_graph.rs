//! The annotations of a W3C Web Annotation document, however it is shaped: a collection and
//! its pages as this app writes them, an array, one annotation, or what a JSON-LD processor
//! writes from them — a framed document (the annotations under `@graph`) or a flattened one
//! (every node under `@graph`, bodies, targets and selectors as references to them by id).
//! Offsets are untouched here (Unicode code points).

use std::collections::HashMap;

use serde_json::Value;

use super::w3c::one_or_many;

/// The annotations inside a collection (`first`), a page (`items`), an array, a JSON-LD
/// `@graph` (framed, or flattened with bodies, targets and selectors as node references), or
/// one annotation, in order, each with its references resolved.
pub fn annotations(value: &Value, into: &mut Vec<Value>) {
    let nodes = graph_nodes(value);
    collect(value, &nodes, into);
}

/// The nodes of a top-level `@graph`, by id.
fn graph_nodes(value: &Value) -> HashMap<&str, &Value> {
    let graph = value.get("@graph").and_then(Value::as_array);
    graph
        .into_iter()
        .flatten()
        .filter_map(|node| Some((node_id(node)?, node)))
        .collect()
}

/// A node's id (`id` or `@id`).
fn node_id(node: &Value) -> Option<&str> {
    node.get("id").or_else(|| node.get("@id"))?.as_str()
}

/// The node `value` refers to (an id, or an object with only an id), or `value` itself.
fn deref<'a>(value: &'a Value, nodes: &HashMap<&str, &'a Value>) -> &'a Value {
    let id = match value {
        Value::String(id) => Some(id.as_str()),
        Value::Object(object) if object.len() == 1 => node_id(value),
        _ => None,
    };
    id.and_then(|id| nodes.get(id).copied()).unwrap_or(value)
}

/// Whether `node` is an annotation: typed so, or with a target.
fn is_annotation(node: &Value) -> bool {
    node.get("target").is_some()
        || one_or_many(node.get("type").or_else(|| node.get("@type")))
            .iter()
            .any(|t| matches!(t.as_str(), Some("Annotation" | "oa:Annotation")))
}

fn collect(value: &Value, nodes: &HashMap<&str, &Value>, into: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect(item, nodes, into)),
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                let graph = one_or_many(Some(graph));
                for node in graph.iter().filter(|node| is_annotation(node)) {
                    into.push(resolved(node, nodes, 0));
                }
            } else if let Some(first) = object.get("first") {
                collect(deref(first, nodes), nodes, into);
            } else if let Some(items) = object.get("items") {
                collect(items.get("@list").unwrap_or(items), nodes, into);
            } else {
                into.push(resolved(value, nodes, 0));
            }
        }
        _ => {}
    }
}

/// `node` with its body, target and selector references replaced by the nodes they name.
fn resolved(node: &Value, nodes: &HashMap<&str, &Value>, depth: usize) -> Value {
    let mut node = node.clone();
    if depth > 4 || nodes.is_empty() {
        return node;
    }
    if let Value::Object(object) = &mut node {
        for key in ["body", "target", "selector"] {
            let Some(value) = object.get(key) else {
                continue;
            };
            let value = match value {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .map(|item| resolved(deref(item, nodes), nodes, depth + 1))
                        .collect(),
                ),
                one => resolved(deref(one, nodes), nodes, depth + 1),
            };
            object.insert(key.to_owned(), value);
        }
    }
    node
}
