"""Proctor's LoRA trainer: Hugging Face TRL's SFTTrainer with a PEFT LoRA adapter, on the CPU or
whatever device PyTorch finds; with `"method": "qlora"`, on a base quantised to 4 bits by
bitsandbytes (a CUDA GPU only). Proctor runs it in its managed environment and follows the JSON
events it prints on standard output (one per line); everything else goes to standard error.

usage: train_lora.py CONFIG.json

The config names the base (a Hugging Face model folder, or a GGUF file that transformers
dequantises), the prepared train and held-out JSON Lines (conversational prompt/completion), the
output folder and the hyperparameters. A GGUF base is exported once as a plain model folder next
to the output (`base/`), since PEFT cannot save an adapter over a model still marked as GGUF.
"""
import json
import os
import resource
import signal
import sys
import time


def say(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def main() -> int:
    config = json.load(open(sys.argv[1]))
    threads = int(config.get("threads", 1))
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    import torch
    import transformers
    import peft
    import trl
    import datasets

    torch.set_num_threads(threads)
    method = config.get("method", "lora")
    if method == "qlora":
        # QLoRA: the base quantised to 4-bit NF4 by bitsandbytes, which needs a CUDA GPU.
        if not torch.cuda.is_available():
            say(event="error", message="--method qlora needs a CUDA GPU, and PyTorch finds none here; use --method lora")
            return 2
        try:
            import bitsandbytes  # noqa: F401
        except ImportError:
            say(event="error", message=f"--method qlora needs bitsandbytes: {sys.executable} -m pip install bitsandbytes")
            return 2
    say(event="versions", versions={
        "python": sys.version.split()[0], "torch": torch.__version__, "transformers": transformers.__version__,
        "peft": peft.__version__, "trl": trl.__version__, "datasets": datasets.__version__})

    start = time.monotonic()
    base = config["base"]
    if base.endswith(".gguf"):
        base_dir = config["base_export"]
        if not os.path.exists(os.path.join(base_dir, "config.json")):
            folder, name = os.path.split(base)
            loaded = transformers.AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, torch_dtype=torch.float32)
            tokenizer = transformers.AutoTokenizer.from_pretrained(folder, gguf_file=name)
            model_config = loaded.config
            if hasattr(model_config, "quantization_config"):
                del model_config.quantization_config
            plain = transformers.AutoModelForCausalLM.from_config(model_config, torch_dtype=torch.float32)
            plain.load_state_dict(loaded.state_dict(), strict=True)
            plain.save_pretrained(base_dir)
            tokenizer.save_pretrained(base_dir)
            del loaded, plain
        base = base_dir
    say(event="base", path=base, seconds=time.monotonic() - start)

    if method == "qlora":
        quantization = transformers.BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=torch.bfloat16)
        model = transformers.AutoModelForCausalLM.from_pretrained(base, quantization_config=quantization, device_map={"": 0})
        model = peft.prepare_model_for_kbit_training(model)
    else:
        model = transformers.AutoModelForCausalLM.from_pretrained(base, torch_dtype=torch.float32)
    tokenizer = transformers.AutoTokenizer.from_pretrained(base)
    train = datasets.load_dataset("json", data_files=config["train_file"], split="train")
    held_out = datasets.load_dataset("json", data_files=config["held_out_file"], split="train") if config.get("held_out_file") else None

    def peak_rss():
        # ru_maxrss is in KiB on Linux.
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    class Events(transformers.TrainerCallback):
        def on_log(self, args, state, control, logs=None, **kwargs):
            if logs and "loss" in logs:
                say(event="step", step=state.global_step, loss=float(logs["loss"]), seconds=time.monotonic() - start, peak_rss=peak_rss())
            if logs and "eval_loss" in logs:
                say(event="eval", step=state.global_step, loss=float(logs["eval_loss"]), seconds=time.monotonic() - start,
                    peak_rss=peak_rss())

    arguments = trl.SFTConfig(
        output_dir=config["output_dir"], max_steps=int(config["steps"]), per_device_train_batch_size=int(config["batch_size"]),
        learning_rate=float(config["learning_rate"]), logging_steps=1, save_strategy="no", report_to=[],
        max_length=int(config["max_length"]), completion_only_loss=True, seed=int(config["seed"]), use_cpu=not torch.cuda.is_available(),
        disable_tqdm=True, eval_strategy="no", dataloader_num_workers=0)
    lora = peft.LoraConfig(
        r=int(config["rank"]), lora_alpha=int(config["alpha"]), lora_dropout=0.0,
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj"], task_type="CAUSAL_LM")
    trainer = trl.SFTTrainer(
        model=model, args=arguments, train_dataset=train, eval_dataset=held_out, processing_class=tokenizer, peft_config=lora,
        callbacks=[Events()])
    if held_out is not None:
        trainer.evaluate()  # the base's held-out loss (step 0), reported by the callback
    trainer.train()
    if held_out is not None:
        trainer.evaluate()  # the tuned model's held-out loss
    adapter = os.path.join(config["output_dir"], "adapter")
    trainer.model.save_pretrained(adapter)
    say(event="saved", adapter=adapter)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        say(event="interrupted")
        sys.exit(130)
    except Exception as error:  # reported to Proctor, then the traceback to standard error
        import traceback
        traceback.print_exc()
        say(event="error", message=f"{type(error).__name__}: {error}")
        sys.exit(1)
