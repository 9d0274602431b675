import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Loaded once per process (≈0.2 s). The lite model has no person entities, so a
 * "[PROPN] [PROPN]" pattern proposes names; entities.ts drops the titles, places
 * and employers it also catches. Skills are matched by skills.ts, on stems.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function nlp(): ReturnType<typeof winkNLP> {
  if (!instance) {
    instance = winkNLP(model);
    instance.learnCustomEntities([{ name: "person", patterns: ["[PROPN] [PROPN]", "[PROPN] [PROPN] [PROPN]"] }]);
  }
  return instance;
}
