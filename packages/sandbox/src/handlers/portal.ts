import { parseInstant } from "../domain/time.js";
import { ApiProblem } from "../http/problem.js";
import * as dossiers from "../services/dossiers.js";
import * as procedures from "../services/procedures.js";
import type { Principal, World } from "../world.js";
import {
  type Handler,
  type HandlerContext,
  limitOf,
  type OperationInput,
  ok,
  who,
} from "./types.js";

type DossierAccess<T> = (
  world: World,
  principal: Principal,
  code: string,
  secret: string | undefined,
) => T;

/**
 * Runs an operation on one dossier that the caller opens with its verification secret,
 * counting wrong guesses against the client (officers need no secret and are not counted).
 */
function onDossier<T>(input: OperationInput, ctx: HandlerContext, run: DossierAccess<T>): T {
  const principal = who(input);
  try {
    return run(
      ctx.world,
      principal,
      input.params.dossierCode as string,
      input.headers["x-verification-secret"],
    );
  } catch (error) {
    if (
      error instanceof ApiProblem &&
      error.status === 404 &&
      !principal.scopes.has("portal:officer")
    ) {
      ctx.recordFailedGuess(principal);
    }
    throw error;
  }
}

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
      onDossier(input, ctx, (world, principal, code, secret) =>
        dossiers.getDossier(world, principal, code, secret, {
          // The contract has already limited `include` to its one value.
          recentHistory: input.query.include === "recentHistory",
        }),
      ),
    ),

  listDossierHistory: (input, ctx) =>
    ok(
      onDossier(input, ctx, (world, principal, code, secret) =>
        dossiers.listHistory(
          world,
          principal,
          code,
          secret,
          input.query.cursor,
          limitOf(input.query),
        ),
      ),
    ),

  supplementDossier: (input, ctx) =>
    ok(
      onDossier(input, ctx, (world, principal, code, secret) =>
        dossiers.supplementDossier(world, principal, code, secret, input.body),
      ),
    ),

  withdrawDossier: (input, ctx) =>
    ok(
      onDossier(input, ctx, (world, principal, code, secret) =>
        dossiers.withdrawDossier(world, principal, code, secret, input.body.reason),
      ),
    ),

  transitionDossier: ({ params, body }, { world }) =>
    ok(dossiers.transitionDossier(world, params.dossierCode as string, body)),
};
