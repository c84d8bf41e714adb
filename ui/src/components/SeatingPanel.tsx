import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import { queryKey, useApi, useCommand, type Lang, type PlacedSeat, type SeatingPlan, type SeatingRule, type TableShape } from "../api";
import { pick } from "../format";
import { useAsk } from "./AskDialog";
import { ErrorMessage } from "./ErrorMessage";

const SHAPES: TableShape[] = ["round", "rectangular", "u_shape", "rows"];
const WIDTH = 760;
const HEIGHT = 470;

/** Where the plan draws: seat widths to pixels, the drawing centred. */
function scale(plan: SeatingPlan) {
  const xs = plan.seats.map((s) => s.x);
  const ys = plan.seats.map((s) => s.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys) - (plan.shape === "rows" ? 1.4 : 0);
  const y1 = Math.max(...ys);
  const unit = Math.min(WIDTH / (x1 - x0 + 1.6), HEIGHT / (y1 - y0 + 1.4), 96);
  const width = (x1 - x0 + 1.6) * unit;
  const height = (y1 - y0 + 1.4) * unit;
  return { unit, width, height, x0, x1, y0, y1, px: (x: number) => (x - x0 + 0.8) * unit, py: (y: number) => (y - y0 + 0.7) * unit };
}

/** The table itself, drawn under the seats. */
function TableShapeDrawing({ plan, s }: { plan: SeatingPlan; s: ReturnType<typeof scale> }) {
  const { unit, px, py, x0, x1, y0, y1 } = s;
  const box = (ax: number, ay: number, bx: number, by: number) => (
    <rect x={px(ax)} y={py(ay)} width={Math.max(0, (bx - ax) * unit)} height={Math.max(0, (by - ay) * unit)} rx={6} className="seating-table" />
  );
  switch (plan.shape) {
    case "round": {
      const r = Math.max(Math.abs(x1), Math.abs(y1)) - 0.6;
      return <circle cx={px(0)} cy={py(0)} r={Math.max(0, r * unit)} className="seating-table" />;
    }
    case "rectangular": {
      const foot = plan.seats.some((seat) => seat.x === 0 && seat.y === y1 && y1 > y0);
      return box(-0.55, y0 + 0.55, 0.55, foot ? y1 - 0.55 : y1 + 0.5);
    }
    case "u_shape": {
      const arm = y1;
      return arm >= 1 ? (
        <>
          {box(x0 + 0.5, 0.5, x1 - 0.5, 1)}
          {box(x0 + 0.5, 0.5, x0 + 1, arm + 0.5)}
          {box(x1 - 1, 0.5, x1 - 0.5, arm + 0.5)}
        </>
      ) : (
        box(x0 - 0.45, 0.5, x1 + 0.45, 1)
      );
    }
    case "rows":
      return box(x0, y0, x1, y0 + 0.6);
  }
}

/**
 * The seating plan of a session: the table from above, the guests in their seats (seat
 * numbers are the order of honour). A guest is moved by dragging onto another seat, or
 * by choosing the guest and then the seat (mouse or keyboard); whoever sat there swaps.
 */
export function SeatingPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const queryClient = useQueryClient();
  const plan = useCommand("seating_get", { sessionId });
  const { dialog, ask } = useAsk();
  const [picked, setPicked] = useState<PlacedSeat | null>(null);
  const [drag, setDrag] = useState<{ seat: PlacedSeat; x: number; y: number; moved: boolean } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const [shape, setShape] = useState<TableShape | null>(null);
  const [rule, setRule] = useState<SeatingRule | null>(null);
  const store = (saved: SeatingPlan) => {
    queryClient.setQueryData(queryKey("seating_get", { sessionId }), saved);
    setPicked(null);
  };
  const arrange = useMutation({
    mutationFn: (v: { shape: TableShape; rule: SeatingRule }) => api.call("seating_arrange", { sessionId, ...v }),
    onSuccess: (saved) => {
      store(saved);
      setShape(null);
      setRule(null);
    },
  });
  const move = useMutation({
    mutationFn: (v: { invitationId: string; seat: number }) => api.call("seating_move", { sessionId, ...v }),
    onSuccess: store,
  });

  if (!plan.data) return plan.error ? <ErrorMessage error={plan.error} /> : <p className="loading">{t("app.loading")}</p>;
  const p = plan.data;
  const chosenShape = shape ?? p.shape;
  const chosenRule = rule ?? p.rule;
  const changed = chosenShape !== p.shape || chosenRule.cohost !== p.rule.cohost || chosenRule.firstOnRight !== p.rule.firstOnRight;
  const s = scale(p);
  const size = Math.min(s.unit * 0.84, 88);

  const moveTo = (target: PlacedSeat) => {
    const from = picked ?? drag?.seat;
    if (!from?.invitationId || from.index === target.index) return setPicked(null);
    move.mutate({ invitationId: from.invitationId, seat: target.index });
  };
  const onSeatKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") setPicked(null);
  };
  const onSeatClick = (seat: PlacedSeat) => {
    if (picked) return moveTo(seat);
    if (seat.invitationId) setPicked(seat);
  };
  const onPointerDown = (e: PointerEvent, seat: PlacedSeat) => {
    if (!seat.invitationId || e.button !== 0) return;
    setDrag({ seat, x: e.clientX, y: e.clientY, moved: false });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag) return;
    const moved = drag.moved || Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > 6;
    setDrag({ ...drag, x: e.clientX, y: e.clientY, moved });
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag) return;
    const current = drag;
    setDrag(null);
    if (!current.moved) return; // a click: handled by onClick
    const under = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>("[data-seat]");
    const target = under ? p.seats[Number(under.dataset.seat)] : undefined;
    if (target && current.seat.invitationId && target.index !== current.seat.index) {
      move.mutate({ invitationId: current.seat.invitationId, seat: target.index });
    }
    // The click that follows a drag must not pick the guest up.
    const swallow = (ev: Event) => ev.stopPropagation();
    window.addEventListener("click", swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
  };
  const label = (seat: PlacedSeat) =>
    seat.gap ? t("seating.gap") : seat.invitationId ? pick(seat.name, lang) : t("seating.free");

  return (
    <section className="seating" data-testid="seating">
      <div className="seating-controls">
        <label>
          {t("seating.shape")}{" "}
          <select value={chosenShape} onChange={(e) => setShape(e.target.value as TableShape)} data-testid="seating-shape">
            {SHAPES.map((sh) => (
              <option key={sh} value={sh}>{t(`seating.shapes.${sh}`)}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={chosenRule.cohost} onChange={(e) => setRule({ ...chosenRule, cohost: e.target.checked })} /> {t("seating.cohost")}
        </label>
        <label>
          <input type="checkbox" checked={!chosenRule.firstOnRight} onChange={(e) => setRule({ ...chosenRule, firstOnRight: !e.target.checked })} /> {t("seating.firstLeft")}
        </label>
        <button
          type="button"
          className={changed || !p.saved ? "primary" : ""}
          disabled={arrange.isPending}
          data-testid="seating-arrange"
          onClick={() => {
            const go = () => arrange.mutate({ shape: chosenShape, rule: chosenRule });
            if (p.saved) ask({ title: t("seating.arrange"), text: t("seating.arrangeConfirm"), yes: t("seating.arrangeYes"), then: go, testId: "seating-dialog" });
            else go();
          }}
        >
          {t("seating.arrange")}
        </button>
      </div>
      {dialog}
      <p className="muted small" data-testid="seating-status">
        {p.saved ? t("seating.saved") : t("seating.suggested")} {picked ? t("seating.pickedHint", { name: pick(picked.name, lang) }) : t("seating.hint")}
      </p>
      {(arrange.error || move.error) && <ErrorMessage error={(arrange.error || move.error)!} />}
      <div
        className="seating-area"
        ref={area}
        style={{ width: s.width, height: s.height }}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setDrag(null)}
      >
        <svg width={s.width} height={s.height} aria-hidden="true" className="seating-drawing">
          <TableShapeDrawing plan={p} s={s} />
          {p.shape === "rows" && (
            <text x={s.px((s.x0 + s.x1) / 2)} y={s.py(s.y0 + 0.3)} textAnchor="middle" dominantBaseline="middle" className="seating-stage">
              {t("seating.stage")}
            </text>
          )}
        </svg>
        {p.seats.map((seat) => (
          <button
            key={seat.index}
            type="button"
            data-seat={seat.index}
            data-testid={`seat-${seat.index + 1}`}
            className={[
              "seat",
              seat.gap ? "gap" : "",
              !seat.invitationId ? "empty" : "",
              seat.rank === 1 ? "host" : "",
              seat.newGuest ? "new" : "",
              picked?.index === seat.index || (drag?.moved && drag.seat.index === seat.index) ? "picked" : "",
            ].join(" ")}
            style={{ left: s.px(seat.x) - size / 2, top: s.py(seat.y) - size / 2, width: size, height: size }}
            aria-pressed={picked?.index === seat.index}
            aria-label={`${seat.index + 1}. ${label(seat)}`}
            title={`${seat.index + 1}. ${label(seat)}`}
            onPointerDown={(e) => onPointerDown(e, seat)}
            onClick={() => onSeatClick(seat)}
            onKeyDown={onSeatKey}
          >
            <span className="seat-number">{seat.index + 1}</span>
            {seat.invitationId && size >= 56 && <span className="seat-name">{pick(seat.name, lang)}</span>}
          </button>
        ))}
        {drag?.moved && area.current && (
          <div className="seat-ghost" style={{ left: drag.x - area.current.getBoundingClientRect().left - size / 2, top: drag.y - area.current.getBoundingClientRect().top - size / 2, width: size, height: size }}>
            {pick(drag.seat.name, lang)}
          </div>
        )}
      </div>
      <ol className="seating-list" data-testid="seating-list">
        {p.seats.map((seat) => (
          <li key={seat.index} className={seat.gap ? "gap" : ""}>
            <span className="seat-number">{seat.index + 1}</span> {label(seat)}
            {seat.newGuest && <span className="chip">{t("seating.new")}</span>}
            {seat.invitationId && pick(seat.position, lang) && <span className="muted small"> — {pick(seat.position, lang)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
