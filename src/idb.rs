//! A store of text documents by key in IndexedDB: large, and asynchronous.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "kalkyl";
const DOCUMENTS: &str = "documents";

/// Why IndexedDB failed: its error's name (`QuotaExceededError` when full).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdbError(pub String);

fn error(value: JsValue) -> IdbError {
    let name = value.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name);
    IdbError(name.unwrap_or_else(|| "UnknownError".into()))
}

type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(web_sys::Event)>>>>;

/// Waits for a request; its handlers live until it has answered.
async fn answer(request: &IdbRequest) -> Result<JsValue, IdbError> {
    let handlers: Handlers = Rc::default();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let ok = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let err = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
            let error = failed.error().ok().flatten().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
        request.set_onerror(Some(err.as_ref().unchecked_ref()));
        handlers.borrow_mut().extend([ok, err]);
    });
    let result = JsFuture::from(promise).await.map_err(error);
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    result
}

async fn open() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(|| IdbError("NotAvailable".into()))?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(error)?;
    let upgrading = request.clone();
    let upgrade = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
        if let Some(database) = upgrading.result().ok().and_then(|db| db.dyn_into::<IdbDatabase>().ok()) {
            let _ = database.create_object_store(DOCUMENTS);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let database = answer(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    database?.dyn_into::<IdbDatabase>().map_err(error)
}

async fn store(mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, IdbError> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(DOCUMENTS, mode).map_err(error)?;
    transaction.object_store(DOCUMENTS).map_err(error)
}

/// Stores `text` under `key`.
pub async fn put(key: &str, text: &str) -> Result<(), IdbError> {
    let request = store(IdbTransactionMode::Readwrite).await?.put_with_key(&text.into(), &key.into()).map_err(error)?;
    answer(&request).await.map(drop)
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, IdbError> {
    let request = store(IdbTransactionMode::Readonly).await?.get(&key.into()).map_err(error)?;
    Ok(answer(&request).await?.as_string())
}

/// Removes what is stored under `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let request = store(IdbTransactionMode::Readwrite).await?.delete(&key.into()).map_err(error)?;
    answer(&request).await.map(drop)
}
