import { renderAddCancelled, renderAddEditModal, renderAddExpired, renderAdded, renderAddPreview, renderRemoveConfirmation, renderRemoved, renderRemoveKept } from './add.js';
import { renderAnswerPage } from './answer.js';
import { renderDigest } from './digest.js';
import { renderDigestStatus } from './digest-status.js';
import { renderApology, renderUserError } from './errors.js';
import { renderHelp } from './help.js';
import { renderReindexReport } from './reindex.js';
import { renderSearchPage } from './search.js';
import { renderSourceDetails, renderSourceList } from './sources.js';
import { renderInstanceStatus } from './status.js';
import { renderTimelinePage } from './timeline.js';

/**
 * Every renderer: pure functions from results to message payloads. Commands get this
 * object in their context rather than importing renderers, so a test can swap one.
 */
export const render = {
  answerPage: renderAnswerPage,
  searchPage: renderSearchPage,
  sourceList: renderSourceList,
  sourceDetails: renderSourceDetails,
  timelinePage: renderTimelinePage,
  digest: renderDigest,
  digestStatus: renderDigestStatus,
  help: renderHelp,
  reindexReport: renderReindexReport,
  instanceStatus: renderInstanceStatus,
  addPreview: renderAddPreview,
  addEditModal: renderAddEditModal,
  added: renderAdded,
  addCancelled: renderAddCancelled,
  addExpired: renderAddExpired,
  removeConfirmation: renderRemoveConfirmation,
  removed: renderRemoved,
  removeKept: renderRemoveKept,
  userError: renderUserError,
  apology: renderApology,
};

export type Renderers = typeof render;
