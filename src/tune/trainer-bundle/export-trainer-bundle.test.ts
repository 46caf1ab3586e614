import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../../util/hash.js';
import { exportTrainerBundle, type TrainerBundleManifest } from './export-trainer-bundle.js';

let dir = '';
const chat = (u: string, a: string) => JSON.stringify({ messages: [{ role: 'system', content: 'Be terse.' }, { role: 'user', content: u }, { role: 'assistant', content: a }] });
const trainText = `${chat('Capital of France?', 'Paris.')}\n\n${JSON.stringify({ conversations: [{ from: 'human', value: 'Hi' }, { from: 'gpt', value: 'Hello.' }], system: 'Be kind.' })}\n${chat('2+2?', '4.')}\n`;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fathom-bundle-'));
  await writeFile(join(dir, 'train.jsonl'), trainText);
  await writeFile(join(dir, 'val.jsonl'), `${chat('Largest planet?', 'Jupiter.')}\n`);
});
after(async () => { await rm(dir, { recursive: true, force: true }); });

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasPyYaml = hasPython && spawnSync('python3', ['-c', 'import yaml']).status === 0;
const read = (out: string, f: string) => readFile(join(out, f), 'utf8');
const base = (trainer: 'trl' | 'axolotl' | 'unsloth', out: string) => ({
  trainer, baseModel: 'Qwen/Qwen2.5-0.5B-Instruct', trainPath: join(dir, 'train.jsonl'), validationPath: join(dir, 'val.jsonl'), outDir: join(dir, out),
  lora: { r: 8, alpha: 16, dropout: 0.1 }, epochs: 2, learningRate: 0.0001, maxSeqLength: 1024, _internal: { now: () => 0 },
});

describe('exportTrainerBundle: data and manifest', () => {
  it('copies chat lines, converts ShareGPT, and records hashes and line counts', async () => {
    const { outDir, manifest } = await exportTrainerBundle(base('trl', 'trl'));
    const lines = (await read(outDir, 'data/train.jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { messages: Array<{ role: string; content: string }> });
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[1]!.messages, [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello.' }]);
    assert.equal(manifest.data.train.lines, 3);
    assert.equal(manifest.data.train.converted, 1);
    assert.equal(manifest.data.train.sha256, sha256(await read(outDir, 'data/train.jsonl')));
    assert.equal(manifest.data.train.sourceSha256, sha256(trainText));
    assert.equal(manifest.data.validation?.lines, 1);
    const onDisk = JSON.parse(await read(outDir, 'fathom-bundle.json')) as TrainerBundleManifest;
    assert.deepEqual(onDisk, manifest);
    assert.deepEqual(manifest.config.lora, { r: 8, alpha: 16, dropout: 0.1, targetModules: 'all-linear' });
    assert.equal(manifest.versions.trl, '0.21.0');
    assert.ok((await stat(join(outDir, 'run.sh'))).mode & 0o100, 'run.sh is executable');
  });

  it('reports a bad line with its number, and refuses a non-empty folder without overwrite', async () => {
    await writeFile(join(dir, 'bad.jsonl'), `${chat('a', 'b')}\n{"prompt":"x"}\n`);
    await assert.rejects(exportTrainerBundle({ ...base('trl', 'bad'), trainPath: join(dir, 'bad.jsonl') }), (e: Error & { code?: string; details?: { line?: number } }) => e.code === 'INVALID_RECORD' && e.details?.line === 2);
    await assert.rejects(exportTrainerBundle(base('trl', 'trl')), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(exportTrainerBundle({ ...base('trl', 'x'), lora: { dropout: 1.5 } }), /lora.dropout/);
  });
});

describe('exportTrainerBundle: trainer configurations', () => {
  it('axolotl: YAML with every required key and the QLoRA hyperparameters', async () => {
    const { outDir } = await exportTrainerBundle({ ...base('axolotl', 'axolotl'), chatTemplate: 'chatml' });
    const text = await read(outDir, 'config.yml');
    const config = parseYaml(text) as Record<string, unknown>;
    for (const k of ['base_model', 'datasets', 'adapter', 'load_in_4bit', 'lora_r', 'lora_alpha', 'lora_dropout', 'lora_target_linear', 'sequence_len', 'micro_batch_size', 'gradient_accumulation_steps', 'num_epochs', 'learning_rate', 'optimizer', 'output_dir', 'chat_template', 'test_datasets']) assert.ok(k in config, `missing ${k}`);
    assert.equal(config.adapter, 'qlora');
    assert.equal(config.load_in_4bit, true);
    assert.equal(config.lora_r, 8);
    assert.equal(config.lora_alpha, 16);
    assert.equal(config.lora_dropout, 0.1);
    assert.equal(config.num_epochs, 2);
    assert.equal(config.learning_rate, 0.0001);
    assert.equal(config.sequence_len, 1024);
    assert.equal(config.chat_template, 'chatml');
    assert.equal(config.base_model, 'Qwen/Qwen2.5-0.5B-Instruct');
    assert.deepEqual((config.datasets as unknown[])[0], {
      path: 'data/train.jsonl', ds_type: 'json', split: 'train', type: 'chat_template', field_messages: 'messages',
      message_property_mappings: { role: 'role', content: 'content' }, roles_to_train: ['assistant'],
    });
    assert.match(text, /^# Generated by fathom/);
    assert.match(await read(outDir, 'run.sh'), /axolotl train config.yml/);
    assert.match(await read(outDir, 'requirements.txt'), /^axolotl==\S+$/m);
  });

  it('trl: train.py with SFTTrainer, LoraConfig and BitsAndBytes 4-bit filled in', async () => {
    const { outDir } = await exportTrainerBundle({ ...base('trl', 'trl2'), lora: { r: 8, alpha: 16, dropout: 0.1, targetModules: ['q_proj', 'v_proj'] } });
    const py = await read(outDir, 'train.py');
    for (const s of ['from trl import SFTConfig, SFTTrainer', 'from peft import LoraConfig', 'r=8,', 'lora_alpha=16,', 'lora_dropout=0.1,', 'target_modules=["q_proj", "v_proj"]', 'load_in_4bit=True', 'QLORA = True', 'num_train_epochs=2,', 'learning_rate=0.0001,', 'max_length=1024,', 'peft_config=peft_config', '"validation": "data/validation.jsonl"', 'eval_strategy="epoch"', 'BASE_MODEL = "Qwen/Qwen2.5-0.5B-Instruct"']) {
      assert.ok(py.includes(s), `train.py lacks ${s}`);
    }
    assert.match(await read(outDir, 'requirements.txt'), /^trl==0\.21\.0$/m);
    assert.match(await read(outDir, 'run.sh'), /python train.py/);
  });

  it('unsloth: FastLanguageModel with get_peft_model and a named chat template', async () => {
    const { outDir } = await exportTrainerBundle({ ...base('unsloth', 'unsloth'), qlora: false, chatTemplate: 'llama-3.1', validationPath: undefined });
    const py = await read(outDir, 'train.py');
    for (const s of ['from unsloth import FastLanguageModel', 'FastLanguageModel.get_peft_model(', 'load_in_4bit=False', 'r=8,', 'lora_alpha=16,', 'get_chat_template(tokenizer, chat_template="llama-3.1")', 'target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]', 'eval_strategy="no"', 'eval_dataset=None']) {
      assert.ok(py.includes(s), `train.py lacks ${s}`);
    }
  });

  it('train.py compiles and config.yml parses (python3, PyYAML)', { skip: hasPyYaml ? false : 'python3 with PyYAML not installed' }, async () => {
    for (const trainer of ['trl', 'unsloth'] as const) {
      const { outDir } = await exportTrainerBundle({ ...base(trainer, `py-${trainer}`), chatTemplate: '{% for m in messages %}{{ m["content"] }}\n{% endfor %}' });
      execFileSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', join(outDir, 'train.py')]);
    }
    const { outDir } = await exportTrainerBundle({ ...base('axolotl', 'py-axolotl'), chatTemplate: '{{ "x" }}\n', lora: { r: 4, targetModules: ['q_proj'] } });
    const parsed = JSON.parse(execFileSync('python3', ['-c', 'import yaml, json, sys; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(outDir, 'config.yml')], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(parsed.lora_r, 4);
    assert.deepEqual(parsed.lora_target_modules, ['q_proj']);
    assert.equal(parsed.chat_template, 'jinja');
    assert.equal(parsed.chat_template_jinja, '{{ "x" }}\n');
    assert.deepEqual((parsed.datasets as Array<Record<string, unknown>>)[0], { path: 'data/train.jsonl', ds_type: 'json', split: 'train', type: 'chat_template', field_messages: 'messages', message_property_mappings: { role: 'role', content: 'content' }, roles_to_train: ['assistant'] });
  });

  it('run.sh passes shellcheck for every trainer', { skip: hasShellcheck ? false : 'shellcheck not installed (apt-get install shellcheck)' }, async () => {
    for (const trainer of ['trl', 'axolotl', 'unsloth'] as const) {
      const { outDir } = await exportTrainerBundle({ ...base(trainer, `sc-${trainer}`) });
      execFileSync('shellcheck', ['--severity=style', join(outDir, 'run.sh')]);
    }
  });
});
