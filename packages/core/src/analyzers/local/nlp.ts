import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { SKILLS } from "./skills.js";

/** Loaded once per process (≈0.2 s); custom entities find skills and "First Last" names the lite model lacks. */
let instance: ReturnType<typeof winkNLP> | undefined;

function escapeSkill(skill: string): string {
  // wink tokenizes "Node.js" as Node . js, so patterns use spaced tokens.
  return skill.replace(/\./g, " . ").replace(/\s+/g, " ").trim();
}

export function nlp(): ReturnType<typeof winkNLP> {
  if (!instance) {
    instance = winkNLP(model);
    instance.learnCustomEntities([
      { name: "skill", patterns: SKILLS.map(escapeSkill) },
      { name: "person", patterns: ["[PROPN] [PROPN]"] },
    ]);
  }
  return instance;
}
