import { parseInstant } from "../domain/time.js";
import { ApiProblem } from "../http/problem.js";
import * as dossiers from "../services/dossiers.js";
import * as procedures from "../services/procedures.js";
import {
  type Handler,
  type HandlerContext,
  limitOf,
  type OperationInput,
  ok,
  who,
} from "./types.js";

/** Runs a secret-protected look-up, counting wrong guesses against the client. */
function guarded<T>(input: OperationInput, ctx: HandlerContext, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (
      error instanceof ApiProblem &&
      error.status === 404 &&
      !who(input).scopes.has("portal:officer")
    ) {
      ctx.recordFailedGuess(who(input));
    }
    throw error;
  }
}

const secretOf = (input: OperationInput) => input.headers["x-verification-secret"];

export const portalHandlers: Record<string, Handler> = {
  listAgencies: ({ query }, { world }) =>
    ok(procedures.listAgencies(world, query.cursor, limitOf(query))),

  listProcedures: ({ query }, { world }) =>
    ok(procedures.listProcedures(world, query, query.cursor, limitOf(query))),

  getProcedure: ({ params }, { world }) =>
    ok(procedures.getProcedure(world, params.procedureCode as string)),

  submitDossier: (input, { world }) =>
    ok(dossiers.submitDossier(world, who(input), input.body), 201),

  listDossiers: (input, { world }) => {
    const { query } = input;
    return ok(
      dossiers.listDossiers(
        world,
        who(input),
        {
          ...query,
          updatedSince: query.updatedSince ? parseInstant(query.updatedSince) : undefined,
        },
        query.cursor,
        limitOf(query),
      ),
    );
  },

  getDossier: (input, ctx) =>
    ok(
      guarded(input, ctx, () =>
        dossiers.getDossier(
          ctx.world,
          who(input),
          input.params.dossierCode as string,
          secretOf(input),
        ),
      ),
    ),

  listDossierHistory: (input, ctx) =>
    ok(
      guarded(input, ctx, () =>
        dossiers.listHistory(
          ctx.world,
          who(input),
          input.params.dossierCode as string,
          secretOf(input),
          input.query.cursor,
          limitOf(input.query),
        ),
      ),
    ),

  supplementDossier: (input, ctx) =>
    ok(
      guarded(input, ctx, () =>
        dossiers.supplementDossier(
          ctx.world,
          who(input),
          input.params.dossierCode as string,
          secretOf(input),
          input.body,
        ),
      ),
    ),

  withdrawDossier: (input, ctx) =>
    ok(
      guarded(input, ctx, () =>
        dossiers.withdrawDossier(
          ctx.world,
          who(input),
          input.params.dossierCode as string,
          secretOf(input),
          input.body.reason,
        ),
      ),
    ),

  transitionDossier: ({ params, body }, { world }) =>
    ok(dossiers.transitionDossier(world, params.dossierCode as string, body)),
};
