// The action dialog (switch, boot, delete, collect garbage: preview, confirm, run, outcome) and the generations marked for deletion.
import { createStore } from 'zustand/vanilla';
import type { ActionOutcome, ActionReadiness, GentryApi } from '../../../../common/contract/index.ts';
import { canClose, canConfirm, labelledInPreview, nextDialog, openDialog, type ActionPreview, type ActionRequest, type DialogEvent, type DialogState } from '../lib/action-dialog.ts';
import { toggleMark } from '../lib/action-rules.ts';
import { profileKey } from '../../generations/lib/profile-order.ts';
import { type Answer, settle } from '../../../shared/lib/settle.ts';

/** The calls the actions store uses. */
export type ActionsApi = Pick<GentryApi, 'actionReadiness' | 'previewSwitch' | 'switchGeneration' | 'previewDelete' | 'deleteGenerations' | 'previewGc' | 'collectGarbage' | 'on'>;

/** What the actions store holds and can do. */
export type ActionsState = {
  /** The open dialog; null when none is open. */
  dialog: DialogState | null;
  /** Generations marked for deletion, by profile key. */
  marks: Readonly<Record<string, readonly number[]>>;
  /** Whether the privileged actions can run here (null: not asked yet, or the answer failed). */
  readiness: ActionReadiness | null;
  /** Asks whether the privileged actions can run here (again after each action: installing pkexec shows). */
  loadReadiness(): Promise<void>;
  /** Opens the dialog for `request` and asks for its preview. */
  open(request: ActionRequest): Promise<void>;
  /** Runs the previewed action. */
  confirm(): Promise<void>;
  /** Ticks (or unticks) the second confirmation a deletion of labelled generations needs. */
  setConfirmLabelled(value: boolean): void;
  /** Closes the dialog (not while an action runs). */
  close(): void;
  toggleMark(key: string, number: number): void;
  clearMarks(key: string): void;
};

/** Options of the actions store. */
export type ActionsStoreOptions = {
  /** Called after an action returned an outcome (whatever its state): the generations may have changed. */
  onFinished?: (request: ActionRequest, outcome: ActionOutcome) => void;
};

async function askPreview(api: ActionsApi, request: ActionRequest): Promise<Answer<ActionPreview>> {
  switch (request.action) {
    case 'switch': {
      const result = await settle(api.previewSwitch({ generation: request.generation, mode: request.mode }));
      return result.ok ? { ok: true, value: { action: 'switch', value: result.value } } : result;
    }
    case 'delete': {
      const result = await settle(api.previewDelete({ kind: request.kind, name: request.name, numbers: [...request.numbers] }));
      return result.ok ? { ok: true, value: { action: 'delete', value: result.value } } : result;
    }
    case 'gc': {
      const result = await settle(api.previewGc({}));
      return result.ok ? { ok: true, value: { action: 'gc', value: result.value } } : result;
    }
  }
}

function run(api: ActionsApi, dialog: DialogState): Promise<Answer<ActionOutcome>> {
  const request = dialog.request;
  switch (request.action) {
    case 'switch':
      return settle(api.switchGeneration({ generation: request.generation, mode: request.mode }));
    case 'delete': {
      // Labelled generations go only after the person ticked the second confirmation for them.
      const labelled = labelledInPreview(dialog).length > 0 && dialog.confirmLabelled;
      return settle(api.deleteGenerations({ kind: request.kind, name: request.name, numbers: [...request.numbers], ...(labelled ? { confirmLabelled: true } : {}) }));
    }
    case 'gc':
      return settle(api.collectGarbage({}));
  }
}

/** Creates the actions store. */
export function createActionsStore(api: ActionsApi, options: ActionsStoreOptions = {}) {
  // Each dialog opened gets a number, so answers for a dialog already closed are dropped.
  let opened = 0;
  return createStore<ActionsState>()((set, get) => {
    function step(mine: number, event: DialogEvent): void {
      const dialog = get().dialog;
      if (mine !== opened || !dialog) return;
      set({ dialog: nextDialog(dialog, event) });
    }

    return {
      readiness: null,
      async loadReadiness() {
        const answer = await settle(api.actionReadiness({}));
        set({ readiness: answer.ok ? answer.value : null });
      },
      dialog: null,
      marks: {},

      async open(request) {
        if (get().dialog?.phase === 'running') return;
        const mine = ++opened;
        set({ dialog: openDialog(request) });
        const result = await askPreview(api, request);
        step(mine, result.ok ? { type: 'previewed', preview: result.value } : { type: 'error', error: result.error });
      },

      async confirm() {
        const dialog = get().dialog;
        if (!dialog || !canConfirm(dialog)) return;
        const mine = opened;
        step(mine, { type: 'confirm' });
        const off = api.on('actionProgress', ({ message }) => step(mine, { type: 'progress', message }));
        let result: Answer<ActionOutcome>;
        try {
          result = await run(api, dialog);
        } finally {
          off();
        }
        if (result.ok) {
          step(mine, { type: 'finished', outcome: result.value });
          if (dialog.request.action === 'delete') get().clearMarks(profileKey(dialog.request));
          options.onFinished?.(dialog.request, result.value);
        } else {
          step(mine, { type: 'error', error: result.error });
        }
      },

      setConfirmLabelled(value) {
        step(opened, { type: 'confirm-labelled', value });
      },

      close() {
        const dialog = get().dialog;
        if (dialog && !canClose(dialog)) return;
        opened += 1;
        set({ dialog: null });
      },

      toggleMark(key, number) {
        set({ marks: { ...get().marks, [key]: toggleMark(get().marks[key] ?? [], number) } });
      },

      clearMarks(key) {
        const marks = { ...get().marks };
        delete marks[key];
        set({ marks });
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type ActionsStore = ReturnType<typeof createActionsStore>;
