//! What a front end learns when it starts: where the data is and whether it opened.

use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub db_path: String,
    /// Why the database could not be opened; the UI then shows only this.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
    pub version: String,
}
