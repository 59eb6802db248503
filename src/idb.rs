//! Text documents by key in IndexedDB: large (its quota is a share of the
//! disk), asynchronous, and changed in transactions that apply whole or not
//! at all.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

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

/// A promise settled by the first of two events; the handlers live in `handlers`.
fn settled_by(
    handlers: &Handlers,
    on_ok: impl FnOnce(&js_sys::Function) + 'static,
    on_err: impl FnOnce(&js_sys::Function) + 'static,
) -> Promise {
    let mut callbacks = Some((on_ok, on_err));
    Promise::new(&mut |resolve, reject| {
        let Some((on_ok, on_err)) = callbacks.take() else { return };
        let (mut on_ok, mut on_err) = (Some(on_ok), Some(on_err));
        let ok = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
            if let Some(f) = on_ok.take() {
                f(&resolve);
            }
        });
        let err = Closure::<dyn FnMut(_)>::new(move |_: web_sys::Event| {
            if let Some(f) = on_err.take() {
                f(&reject);
            }
        });
        handlers.borrow_mut().extend([ok, err]);
    })
}

/// Waits for a request; its handlers live until it has answered.
async fn answer(request: &IdbRequest) -> Result<JsValue, IdbError> {
    let handlers: Handlers = Rc::default();
    let (done, failed) = (request.clone(), request.clone());
    let promise = settled_by(
        &handlers,
        move |resolve| drop(resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED))),
        move |reject| {
            let error = failed.error().ok().flatten().map_or(JsValue::UNDEFINED, JsValue::from);
            drop(reject.call1(&JsValue::NULL, &error));
        },
    );
    {
        let handlers = handlers.borrow();
        request.set_onsuccess(Some(handlers[0].as_ref().unchecked_ref()));
        request.set_onerror(Some(handlers[1].as_ref().unchecked_ref()));
    }
    let result = JsFuture::from(promise).await.map_err(error);
    request.set_onsuccess(None);
    request.set_onerror(None);
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

/// A transaction on the documents. Its writes take effect together, or not
/// at all when one fails; [`Transaction::finish`] says which. Like every
/// IndexedDB transaction it commits by itself once nothing is pending, so a
/// caller that decides against its writes calls [`Transaction::abort`].
pub struct Transaction {
    transaction: IdbTransaction,
    store: IdbObjectStore,
    done: Promise,
    handlers: Handlers,
}

impl Transaction {
    /// Starts a transaction: read-write when `write`, else read-only.
    pub async fn begin(write: bool) -> Result<Transaction, IdbError> {
        let database = open().await?;
        let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
        let transaction = database.transaction_with_str_and_mode(DOCUMENTS, mode).map_err(error);
        // The connection closes once its transactions are done.
        database.close();
        let transaction = transaction?;
        let store = transaction.object_store(DOCUMENTS).map_err(error)?;
        let handlers: Handlers = Rc::default();
        let aborted = transaction.clone();
        let done = settled_by(
            &handlers,
            |resolve| drop(resolve.call0(&JsValue::NULL)),
            move |reject| {
                let error = aborted.error().map_or_else(|| JsValue::from_str("AbortError"), JsValue::from);
                drop(reject.call1(&JsValue::NULL, &error));
            },
        );
        {
            let handlers = handlers.borrow();
            transaction.set_oncomplete(Some(handlers[0].as_ref().unchecked_ref()));
            transaction.set_onabort(Some(handlers[1].as_ref().unchecked_ref()));
        }
        Ok(Transaction { transaction, store, done, handlers })
    }

    /// The text stored under `key`, if any.
    pub async fn get(&self, key: &str) -> Result<Option<String>, IdbError> {
        let request = self.store.get(&key.into()).map_err(error)?;
        Ok(answer(&request).await?.as_string())
    }

    /// Stores `text`, a JavaScript string, under `key`. A string made once
    /// from Rust text can be stored under several keys without another copy.
    pub fn put(&self, key: &str, text: &JsValue) -> Result<(), IdbError> {
        self.store.put_with_key(text, &key.into()).map(drop).map_err(error)
    }

    /// Removes what is stored under `key`.
    pub fn delete(&self, key: &str) -> Result<(), IdbError> {
        self.store.delete(&key.into()).map(drop).map_err(error)
    }

    /// Drops every write of this transaction.
    pub fn abort(self) {
        let _ = self.transaction.abort();
    }

    /// Waits until every write is stored, or none is (then with the reason,
    /// `QuotaExceededError` when the disk's share is used up).
    pub async fn finish(self) -> Result<(), IdbError> {
        JsFuture::from(self.done.clone()).await.map(drop).map_err(|reason| match reason.as_string() {
            Some(name) => IdbError(name),
            None => error(reason),
        })
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        self.transaction.set_oncomplete(None);
        self.transaction.set_onabort(None);
        self.handlers.borrow_mut().clear();
    }
}
